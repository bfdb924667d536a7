import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { portalWrites } from '../../api/queries/portal'
import { ApiError } from '../../api/client'
import './portal.css'

/**
 * `/follow/confirm?token=`: the link of the double opt-in email. Nothing is confirmed until the
 * resident presses the button, since mail scanners open links by themselves.
 */
export function FollowConfirmPage() {
  const { t } = useTranslation('portal')
  const token = useSearchParams()[0].get('token') ?? ''
  const confirm = useMutation({ mutationFn: () => portalWrites.confirmFollow(token) })
  const expired = confirm.error instanceof ApiError && confirm.error.status < 500
  return (
    <div className="portal">
      <h1>{t('followConfirm.title')}</h1>
      {!token ? (
        <p role="alert" className="error">
          {t('followConfirm.noToken')}
        </p>
      ) : confirm.isSuccess ? (
        <p role="status">
          {t('followConfirm.done')} <Link to={`/status/${encodeURIComponent(confirm.data.number)}`}>{confirm.data.number}</Link>
        </p>
      ) : (
        <>
          <p>{t('followConfirm.intro')}</p>
          <button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
            {t('followConfirm.confirm')}
          </button>
          {confirm.isError && (
            <p role="alert" className="error">
              {expired ? t('followConfirm.expired') : t('followConfirm.failed')}
            </p>
          )}
        </>
      )}
    </div>
  )
}

export default FollowConfirmPage
