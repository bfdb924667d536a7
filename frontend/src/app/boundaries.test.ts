import { ESLint } from 'eslint'

/** The import boundaries in eslint.config.js really hold: lint sample imports as if they lived in the tree. */
const cwd = process.cwd() // vitest runs in frontend/
const eslint = new ESLint({ cwd })

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((message) => message.ruleId === 'boundaries/element-types').map((message) => message.message)
}

async function queryRuleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message)
}

const INLINE_QUERY = [
  "import { useQuery, useQueryClient } from '@tanstack/react-query'",
  "export const useSample = () => useQuery({ queryKey: ['sample'], queryFn: () => 1 })",
  "export const useCached = () => useQueryClient().getQueryData(['sample'])",
  '',
].join('\n')

describe('query declarations', { timeout: 60_000 }, () => {
  it('keeps queries and inline keys out of features and shared code', async () => {
    expect(await queryRuleErrors('src/features/intake/Sample.ts', INLINE_QUERY)).toHaveLength(3)
    expect(await queryRuleErrors('src/shared/Sample.ts', INLINE_QUERY)).toHaveLength(3)
  })

  it('lets src/api/queries declare them', async () => {
    expect(await queryRuleErrors('src/api/queries/sample.ts', INLINE_QUERY)).toEqual([])
  })
})

describe('import boundaries', { timeout: 60_000 }, () => {
  it('keeps a feature out of another feature', async () => {
    const errors = await boundaryErrors('src/features/auth/Sample.ts', "import { caseBody } from '../intake/IntakePage'\nexport const sample = caseBody\n")
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain("feature 'intake'")
  })

  it('keeps a feature out of the app shell', async () => {
    const errors = await boundaryErrors('src/features/intake/Sample.ts', "import { ROUTES } from '../../app/routes'\nexport const sample = ROUTES\n")
    expect(errors).toHaveLength(1)
  })

  it('keeps shared code out of the features', async () => {
    const errors = await boundaryErrors('src/shared/Sample.ts', "import { caseBody } from '../features/intake/IntakePage'\nexport const sample = caseBody\n")
    expect(errors).toHaveLength(1)
  })

  it('lets a feature use its own files, the API client and shared code', async () => {
    const errors = await boundaryErrors(
      'src/features/intake/Sample.ts',
      "import { api } from '../../api/client'\nimport { useMe } from '../../shared/useMe'\nimport { formatDate } from './format'\nexport const sample = [api, useMe, formatDate]\n",
    )
    expect(errors).toEqual([])
  })
})
