import { useTranslation } from 'react-i18next'
import { useDates } from '../../shared/useDates'
import type { NameOf } from '../../shared/useNames'
import { useFeedback } from './useFeedback'

type Props = { departmentName: NameOf; showDepartment: boolean }

/** The complaints and praise a department gets, newest first: what was said, when, how. */
export function FeedbackTable({ departmentName, showDepartment }: Props) {
  const { t } = useTranslation('queues')
  const feedback = useFeedback()
  const format = useDates()
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
            <td>{format.dateTime(item.created_at)}</td>
            <td>{t(`feedback.types.${item.type}`)}</td>
            {showDepartment && <td>{item.department ? departmentName(item.department) : '—'}</td>}
            <td>{t(`feedback.channels.${item.channel}`)}</td>
            <td>{item.summary || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
