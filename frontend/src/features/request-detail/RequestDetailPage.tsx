import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, ApiError, unwrap } from '../../api/client'
import { useLanguage } from '../../i18n/useLanguage'
import { useMe, type Me } from '../../shared/useMe'
import { CommentForm } from './CommentForm'
import { AssignForm, MergeForm, PriorityForm, TransferForm, useDepartments } from './ManageForms'
import { RequestPhotos } from './RequestPhotos'
import { RequestSummary } from './RequestSummary'
import { StatusActions } from './StatusActions'
import { Timeline } from './Timeline'
import { useRequest, type ServiceRequest } from './useRequest'
import './request-detail.css'

/** Mirrors domain/directory/permissions.py: who may assign, transfer and set the priority. */
function mayManage(me: Me | undefined, request: ServiceRequest): boolean {
  if (!me) return false
  if (me.role === 'admin' || me.role === 'supervisor') return true
  return me.role === 'staff' && me.tier === 'manager' && me.department === request.department
}

function mayPrioritise(me: Me | undefined, request: ServiceRequest): boolean {
  return !!me && (me.role !== 'staff' || mayManage(me, request))
}

function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/v1/users')), staleTime: 5 * 60_000 })
}

function useService(code: string | undefined) {
  const lang = useLanguage()
  return useQuery({
    queryKey: ['services', code, lang],
    queryFn: () => unwrap(api.GET('/api/v1/services/{code}', { params: { path: { code: code! } } })),
    enabled: !!code,
    staleTime: 10 * 60_000,
  })
}

export function RequestDetailPage() {
  const { t } = useTranslation('request-detail')
  const id = useParams().id ?? ''
  const me = useMe().data
  const loaded = useRequest(id)
  const request = loaded.data?.request
  const userList = useUsers().data
  const users = useMemo(() => userList?.items ?? [], [userList])
  const names = useMemo(() => new Map(users.map((user) => [user.id, user.display_name])), [users])
  const service = useService(request?.service_code).data
  const departments = useDepartments().data?.items

  if (loaded.isPending) return <p role="status">{t('loading')}</p>
  if (loaded.isError || !request) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404
    return (
      <section>
        <h1>{t('title', { id })}</h1>
        <p role="alert" className="error">
          {missing ? t('notFound', { id }) : t('failed', { message: loaded.error?.message })}
        </p>
        <Link to="/queues">{t('back')}</Link>
      </section>
    )
  }

  const manage = mayManage(me, request)
  return (
    <article className="request-detail" aria-labelledby="request-title">
      <p>
        <Link to="/queues">{t('back')}</Link>
      </p>
      <h1 id="request-title">{t('title', { id: request.id })}</h1>
      <div className="detail-columns">
        <div>
          <RequestSummary
            request={request}
            serviceName={service?.name ?? request.service_code}
            departmentName={departments?.find((item) => item.code === request.department)?.name ?? request.department}
            assigneeName={request.assignee_id ? (names.get(request.assignee_id) ?? request.assignee_id) : null}
          />
          <RequestPhotos requestId={request.id} />
          <Timeline requestId={request.id} names={names} />
        </div>
        <div>
          <StatusActions request={request} />
          <CommentForm requestId={request.id} />
          {manage && <AssignForm request={request} users={users} />}
          {manage && <TransferForm request={request} />}
          {mayPrioritise(me, request) && <PriorityForm request={request} />}
          {request.status !== 'closed' && <MergeForm request={request} />}
        </div>
      </div>
    </article>
  )
}

export default RequestDetailPage
