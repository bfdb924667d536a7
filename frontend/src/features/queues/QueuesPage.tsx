import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { serviceQueries } from '../../api/queries/services'
import { useLanguage } from '../../i18n/useLanguage'
import { useDates } from '../../shared/useDates'
import { useMe, type Me } from '../../shared/useMe'
import { useDepartmentNames, useServiceNames } from '../../shared/useNames'
import { FeedbackTable } from './FeedbackTable'
import { NO_FILTERS, QueueFilters, type Filters } from './QueueFilters'
import { QueueTable } from './QueueTable'
import { PANEL_ID, QueueTabs, tabId, type Tab } from './QueueTabs'
import { useAreaFilter } from './useAreaFilter'
import { OPEN_STATUSES, useQueue, type QueueQuery } from './useQueue'
import './queues.css'

function queryFor(tab: Tab, filters: Filters, me: Me | undefined, area: string | undefined): QueueQuery {
  const statuses = filters.status === 'open' ? OPEN_STATUSES : filters.status === 'any' ? [] : [filters.status]
  return {
    department: tab === 'department' ? (me?.department ?? undefined) : undefined,
    assignee: tab === 'mine' ? me?.id : undefined,
    statuses,
    service: filters.service || undefined,
    overdue: filters.overdueOnly || undefined,
    dueSoon: filters.dueSoonOnly || undefined,
    q: filters.text || undefined,
    area,
  }
}

/** Retired services too: a queue may still hold their requests. */
function useServices() {
  return useQuery(serviceQueries.list('all', useLanguage()))
}

export function QueuesPage() {
  const { t } = useTranslation('queues')
  const me = useMe().data
  const [chosen, setTab] = useState<Tab | null>(null)
  const tab: Tab = chosen ?? (me && !me.department ? 'all' : 'department')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const serviceList = useServices().data
  const services = useMemo(() => serviceList?.items ?? [], [serviceList])
  const serviceName = useServiceNames()
  const departmentName = useDepartmentNames()
  const noDepartment = tab === 'department' && !!me && !me.department
  const area = useAreaFilter()
  const queue = useQueue(queryFor(tab, filters, me, area.area), !!me && !noDepartment && tab !== 'feedback')
  const now = new Date(queue.dataUpdatedAt)
  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data])
  const { time } = useDates()

  return (
    <section className="queues" aria-labelledby="queues-title">
      <h1 id="queues-title">{t('title')}</h1>
      <QueueTabs active={tab} onChange={setTab} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(tab)}>
        {tab === 'feedback' ? (
          <FeedbackTable departmentName={departmentName} showDepartment={!me?.department} />
        ) : (
          <>
            <QueueFilters filters={filters} services={services} onChange={setFilters} />
            {area.label && (
              <p className="banner info area-filter">
                {t('area.shown', { area: area.label })}{' '}
                <button type="button" className="secondary" onClick={area.clear}>
                  {t('area.clear')}
                </button>
              </p>
            )}
            {noDepartment && <p>{t('noDepartment')}</p>}
            {queue.isPending && !noDepartment && <p role="status">{t('loading')}</p>}
            {queue.isError && (
              <p role="alert" className="error">
                {t('failed', { message: queue.error.message })}
              </p>
            )}
            {queue.data && (
              <>
                <p className="muted" aria-live="polite">
                  {t('refreshed', { time: time(now.toISOString()) })}
                </p>
                <QueueTable
                  items={items}
                  serviceName={serviceName}
                  departmentName={departmentName}
                  showDepartment={tab !== 'department'}
                />
                {queue.hasNextPage && (
                  <div className="actions">
                    <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
                      {queue.isFetchingNextPage ? t('loadingMore') : t('more')}
                    </button>
                  </div>
                )}
              </>
            )}
          </>
        )}
      </div>
    </section>
  )
}

export default QueuesPage
