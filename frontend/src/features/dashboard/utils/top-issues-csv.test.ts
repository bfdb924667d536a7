import { topIssuesCsv } from './top-issues-csv'

describe('topIssuesCsv', () => {
  it('writes a row per area and service, quoted as RFC 4180 wants, CRLF, formulas defused', () => {
    const csv = topIssuesCsv({
      layer: 'neighborhoods',
      from: '2026-11-01T00:00:00-04:00',
      to: '2026-12-01T00:00:00-05:00',
      previous_from: '2026-10-02T00:00:00-04:00',
      previous_to: '2026-11-01T00:00:00-04:00',
      areas: [
        {
          code: 'Canton',
          name: 'Canton, "the waterfront"',
          issues: [{ service_code: 'trm-pothole-repair', service_name: '=HYPERLINK("x")', count: 5, previous_count: 7, change: -2 }],
        },
        { code: 'Empty', name: 'Empty', issues: [] },
      ],
    })
    expect(csv).toBe(
      'area_code,area_name,service_code,service_name,count,previous_count,change\r\n' +
        'Canton,"Canton, ""the waterfront""",trm-pothole-repair,"\'=HYPERLINK(""x"")",5,7,-2\r\n',
    )
  })
})
