import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartments } from './queries'

/** Contact types that are about a department: the department's staff see them. */
export const ABOUT_A_DEPARTMENT: readonly string[] = ['complaint', 'praise']

/** Which department a complaint or praise is about (none: the 311 center itself, or unknown). */
export function DepartmentField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation('intake')
  const id = useId()
  const departments = useDepartments().data ?? []
  return (
    <span className="field">
      <label htmlFor={id}>{t('contact.department')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('contact.noDepartment')}</option>
        {departments.map((department) => (
          <option key={department.code} value={department.code}>
            {department.name}
          </option>
        ))}
      </select>
    </span>
  )
}
