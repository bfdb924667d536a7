import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

export const TABS = ['department', 'mine', 'all', 'feedback'] as const
export type Tab = (typeof TABS)[number]

export const tabId = (tab: Tab) => `queue-tab-${tab}`
export const PANEL_ID = 'queue-panel'

/** WAI-ARIA tabs: Tab moves into the list, the arrow keys (and Home/End) between tabs. */
export function QueueTabs({ active, onChange }: { active: Tab; onChange: (tab: Tab) => void }) {
  const { t } = useTranslation('queues')
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ department: null, mine: null, all: null, feedback: null })

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(active)
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }
    if (!(event.key in moves)) return
    event.preventDefault()
    const next = TABS[(moves[event.key]! + TABS.length) % TABS.length]!
    onChange(next)
    refs.current[next]?.focus()
  }

  return (
    <div role="tablist" aria-label={t('tabs.label')} className="queue-tabs" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          ref={(node) => {
            refs.current[tab] = node
          }}
          id={tabId(tab)}
          type="button"
          role="tab"
          aria-selected={tab === active}
          aria-controls={PANEL_ID}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(`tabs.${tab}`)}
        </button>
      ))}
    </div>
  )
}
