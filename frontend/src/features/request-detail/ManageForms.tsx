import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type components } from '../../api/client'
import { departmentQueries } from '../../api/queries/departments'
import { useLanguage } from '../../i18n/useLanguage'
import { ChangeError } from './ChangeError'
import { path, useRequestChange, type ServiceRequest } from './useRequest'

type User = components['schemas']['UserOut']
type Priority = components['schemas']['Priority']
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent']

export function useDepartments(enabled = true) {
  return useQuery({ ...departmentQueries.list(useLanguage()), enabled })
}

/**
 * A choice that starts at the request's current value and follows it when that value changes
 * (someone else assigned it, or the request reloaded), but not on unrelated changes.
 */
function useChoice<T extends string>(current: T) {
  const [choice, setChoice] = useState({ base: current, value: current })
  const value = choice.base === current ? choice.value : current
  return { value, set: (next: T) => setChoice({ base: current, value: next }) }
}

/** Assign to an active member of the request's department, or to nobody. */
export function AssignForm({ request, users }: { request: ServiceRequest; users: readonly User[] }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(request.id)
  const current = request.assignee_id ?? ''
  const assignee = useChoice(current)
  const ids = { heading: useId(), assignee: useId() }
  const members = users.filter((user) => user.active && user.department === request.department)

  function submit(event: FormEvent) {
    event.preventDefault()
    change.mutate((ifMatch) =>
      api.PATCH('/api/v1/requests/{request_id}', { params: path(request.id, ifMatch), body: { assignee_id: assignee.value || null } }),
    )
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('assign.heading')}</h2>
      <form onSubmit={submit} className="detail-form">
        <label htmlFor={ids.assignee}>{t('assign.assignee')}</label>
        <select id={ids.assignee} value={assignee.value} onChange={(event) => assignee.set(event.target.value)}>
          <option value="">{t('assign.nobody')}</option>
          {members.map((user) => (
            <option key={user.id} value={user.id}>
              {user.display_name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={change.isPending || assignee.value === current}>
          {t('assign.submit')}
        </button>
      </form>
      <ChangeError error={change.error} />
    </section>
  )
}

/** Move the request to another department, with a reason (its assignee is cleared). */
export function TransferForm({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(request.id)
  const departments = useDepartments().data?.items ?? []
  const [department, setDepartment] = useState('')
  const [reason, setReason] = useState('')
  const ids = { heading: useId(), department: useId(), reason: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    change.mutate(
      (ifMatch) => api.PATCH('/api/v1/requests/{request_id}', { params: path(request.id, ifMatch), body: { department, reason: reason.trim() } }),
      {
        onSuccess: () => {
          setDepartment('')
          setReason('')
        },
      },
    )
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('transfer.heading')}</h2>
      <form onSubmit={submit} className="detail-form">
        <label htmlFor={ids.department}>{t('transfer.department')}</label>
        <select id={ids.department} required value={department} onChange={(event) => setDepartment(event.target.value)}>
          <option value="">{t('transfer.choose')}</option>
          {departments
            .filter((item) => item.code !== request.department)
            .map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
        </select>
        <label htmlFor={ids.reason}>{t('transfer.reason')}</label>
        <textarea id={ids.reason} rows={2} required maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" disabled={!department || !reason.trim() || change.isPending}>
          {t('transfer.submit')}
        </button>
      </form>
      <ChangeError error={change.error} />
    </section>
  )
}

export function PriorityForm({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(request.id)
  const priority = useChoice<Priority>(request.priority)
  const id = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    change.mutate((ifMatch) => api.PATCH('/api/v1/requests/{request_id}', { params: path(request.id, ifMatch), body: { priority: priority.value } }))
  }

  return (
    <form onSubmit={submit} className="detail-form panel">
      <label htmlFor={id}>{t('priorityForm.label')}</label>
      <select id={id} value={priority.value} onChange={(event) => priority.set(event.target.value as Priority)}>
        {PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {t(`priority.${value}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={change.isPending || priority.value === request.priority}>
        {t('priorityForm.submit')}
      </button>
      <ChangeError error={change.error} />
    </form>
  )
}

/** Close as a duplicate of another request, by its reference number. */
export function MergeForm({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation('request-detail')
  const change = useRequestChange(request.id)
  const [into, setInto] = useState('')
  const ids = { heading: useId(), into: useId(), hint: useId() }

  function submit(event: FormEvent) {
    event.preventDefault()
    const target = into.trim()
    if (!target) return
    change.mutate(
      (ifMatch) => api.POST('/api/v1/requests/{request_id}/merge', { params: path(request.id, ifMatch), body: { into: target } }),
      { onSuccess: () => setInto('') },
    )
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('merge.heading')}</h2>
      <form onSubmit={submit} className="detail-form">
        <label htmlFor={ids.into}>{t('merge.into')}</label>
        <input
          id={ids.into}
          required
          maxLength={64}
          placeholder="26-00000001"
          aria-describedby={ids.hint}
          value={into}
          onChange={(event) => setInto(event.target.value)}
        />
        <p id={ids.hint} className="muted">
          {t('merge.hint')}
        </p>
        <button type="submit" disabled={!into.trim() || change.isPending}>
          {t('merge.submit')}
        </button>
      </form>
      <ChangeError error={change.error} />
    </section>
  )
}
