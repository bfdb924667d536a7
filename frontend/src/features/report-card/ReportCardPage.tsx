import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../i18n/useLanguage'
import { useReportCard, type DepartmentCard, type Figures } from './useReportCard'
import './report-card.css'

/** "2026-03" as the month's name in `language`: "March 2026", "marzo de 2026". */
function monthName(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 15)))
}

function Cells({ figures }: { figures: Figures }) {
  const { t } = useTranslation('report-card')
  const language = useLanguage()
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 })
  const days = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
  const rate = figures.sla_on_time_rate
  const median = figures.median_days_to_close
  const score = figures.average_score
  return (
    <>
      <td>{figures.opened.toLocaleString(language)}</td>
      <td>{figures.closed.toLocaleString(language)}</td>
      <td>{rate === null || rate === undefined ? t('noData') : percent.format(rate)}</td>
      <td>{median === null || median === undefined ? t('noData') : days.format(median)}</td>
      <td>{score === null || score === undefined ? t('noAnswers') : t('score', { score: days.format(score), count: figures.survey_answers })}</td>
    </>
  )
}

function Summary({ departments }: { departments: DepartmentCard[] }) {
  const { t } = useTranslation('report-card')
  return (
    <table className="report-card-table">
      <caption>{t('summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('department')}</th>
          <th scope="col">{t('opened')}</th>
          <th scope="col">{t('closed')}</th>
          <th scope="col">{t('onTime')}</th>
          <th scope="col">{t('medianDays')}</th>
          <th scope="col">{t('satisfaction')}</th>
        </tr>
      </thead>
      <tbody>
        {departments.map((department) => (
          <tr key={department.code}>
            <th scope="row">{department.name}</th>
            <Cells figures={department.total} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function DepartmentTable({ department }: { department: DepartmentCard }) {
  const { t } = useTranslation('report-card')
  const language = useLanguage()
  const heading = useId()
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{department.name}</h2>
      <table className="report-card-table">
        <caption className="report-card-hidden">{t('caption', { department: department.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            <th scope="col">{t('opened')}</th>
            <th scope="col">{t('closed')}</th>
            <th scope="col">{t('onTime')}</th>
            <th scope="col">{t('medianDays')}</th>
            <th scope="col">{t('satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {department.months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{monthName(month.month, language)}</th>
              <Cells figures={month} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <Cells figures={department.total} />
          </tr>
        </tfoot>
      </table>
    </section>
  )
}

/** `/report-card`: the public report card, one table per department; no sign-in. */
export function ReportCardPage() {
  const { t } = useTranslation('report-card')
  const card = useReportCard()
  return (
    <section className="report-card" aria-labelledby="report-card-title">
      <h1 id="report-card-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {card.isPending && <p role="status">{t('loading')}</p>}
      {card.isError && (
        <p role="alert" className="error">
          {t('failed')}
        </p>
      )}
      {card.data && (
        <>
          <p className="muted">{t('legend')}</p>
          <p className="muted">{t('surveyLegend')}</p>
          <Summary departments={card.data.departments} />
          {card.data.departments.map((department) => (
            <DepartmentTable key={department.code} department={department} />
          ))}
          <h2>{t('download')}</h2>
          <p>
            {t('downloadIntro')} <a href="/api/v1/open-data/requests.csv">{t('csv')}</a>, <a href="/api/v1/open-data/requests.geojson">{t('geojson')}</a>
          </p>
        </>
      )}
    </section>
  )
}

export default ReportCardPage
