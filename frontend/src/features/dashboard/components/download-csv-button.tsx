import { useState } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  fetchCsv: () => Promise<Blob>
  fileName: string
  /** The id of the chart's heading: the button says which chart it downloads. */
  describedBy: string
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Later, not at once: the browser reads the object URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/** Saves the chart's figures as the API writes them in CSV (the same query, `Accept: text/csv`). */
export function DownloadCsvButton({ fetchCsv, fileName, describedBy }: Props) {
  const { t } = useTranslation('dashboard')
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')

  async function download() {
    setState('busy')
    try {
      save(await fetchCsv(), fileName)
      setState('idle')
    } catch {
      setState('failed')
    }
  }

  return (
    <div className="download-csv">
      <button type="button" className="secondary" onClick={() => void download()} disabled={state === 'busy'} aria-describedby={describedBy}>
        {state === 'busy' ? t('csv.busy') : t('csv.download')}
      </button>
      {state === 'failed' && (
        <p role="alert" className="error">
          {t('csv.failed')}
        </p>
      )}
    </div>
  )
}
