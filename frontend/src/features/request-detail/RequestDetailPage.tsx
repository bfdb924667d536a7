import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { userQueries } from '../../api/queries/users'
import { useMe, type Me } from '../../shared/useMe'
import { useDepartmentNames, useServiceNames, useUserNames } from '../../shared/useNames'
import { CommentForm } from './CommentForm'
import { LinkedReports } from './LinkedReports'
import { AssignForm, MergeForm, PriorityForm, TransferForm } from './ManageForms'
import { ReporterPanel } from './ReporterPanel'
import { RequestMap } from './RequestMap'
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
  return useQuery(userQueries.list())
}

export function RequestDetailPage() {
  const { t } = useTranslation('request-detail')
  const id = useParams().id ?? ''
  const me = useMe().data
  const loaded = useRequest(id)
  const request = loaded.data?.request
  const userList = useUsers().data
  const users = useMemo(() => userList?.items ?? [], [userList])
  const names = { user: useUserNames(), department: useDepartmentNames() }
  const serviceName = useServiceNames()

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
            serviceName={serviceName(request.service_code)}
            departmentName={names.department(request.department)}
            assigneeName={request.assignee_id ? names.user(request.assignee_id) : null}
          />
          <ReporterPanel reporter={request.reporter} />
          <LinkedReports requestId={request.id} />
          <RequestMap request={request} />
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
