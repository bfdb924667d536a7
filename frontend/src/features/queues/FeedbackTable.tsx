import { useTranslation } from 'react-i18next'
import { useFeedback } from './useFeedback'

type Props = { departmentNames: ReadonlyMap<string, string>; showDepartment: boolean }

/** The complaints and praise a department gets, newest first: what was said, when, how. */
export function FeedbackTable({ departmentNames, showDepartment }: Props) {
  const { t, i18n } = useTranslation('queues')
  const feedback = useFeedback()
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  if (feedback.isPending) return <p role="status">{t('feedback.loading')}</p>
  if (feedback.isError)
    return (
      <p role="alert" className="error">
        {t('failed', { message: feedback.error.message })}
      </p>
    )
  const items = feedback.data
  if (items.length === 0) return <p>{t('feedback.empty')}</p>
  return (
    <table className="queue-table">
      <caption>{t('feedback.caption', { count: items.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('feedback.received')}</th>
          <th scope="col">{t('feedback.type')}</th>
          {showDepartment && <th scope="col">{t('table.department')}</th>}
          <th scope="col">{t('feedback.channel')}</th>
          <th scope="col">{t('feedback.summary')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>{when.format(new Date(item.created_at))}</td>
            <td>{t(`feedback.types.${item.type}`)}</td>
            {showDepartment && <td>{item.department ? (departmentNames.get(item.department) ?? item.department) : '—'}</td>}
            <td>{t(`feedback.channels.${item.channel}`)}</td>
            <td>{item.summary || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
