import { useTranslation } from 'react-i18next'

export default function IntakePage() {
  const { t } = useTranslation('intake')
  return <h1>{t('title')}</h1>
}
