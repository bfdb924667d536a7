import { useTranslation } from 'react-i18next'
import { isConflict } from './useRequest'

/** Why a change failed: a 412 says the request was reloaded; anything else, the problem's detail. */
export function ChangeError({ error }: { error: Error | null }) {
  const { t } = useTranslation('request-detail')
  if (!error) return null
  return (
    <p role="alert" className="error">
      {isConflict(error) ? t('conflict') : t('changeFailed', { message: error.message })}
    </p>
  )
}
