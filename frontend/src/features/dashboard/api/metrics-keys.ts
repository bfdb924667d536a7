import type { SeriesQuery, Window } from './types'

/** Every metrics query's key starts with `metrics`; the UI language is in each key whose answer names things. */
export const metricsKeys = {
  all: ['metrics'] as const,
  summary: (window: Window, lang: string) => [...metricsKeys.all, 'summary', window, lang] as const,
  series: (query: SeriesQuery, lang: string) => [...metricsKeys.all, 'series', query, lang] as const,
  topIssues: (window: Window, layer: string, limit: number, lang: string) => [...metricsKeys.all, 'top-issues', window, layer, limit, lang] as const,
  openByArea: (layer: string, department: string | undefined, lang: string) => [...metricsKeys.all, 'open-by-area', layer, department, lang] as const,
  areaShapes: (layer: string) => [...metricsKeys.all, 'area-shapes', layer] as const,
  layers: (lang: string) => [...metricsKeys.all, 'layers', lang] as const,
}
