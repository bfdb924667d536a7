/** Stands in for POST /api/v1/personal-data/check: finds a 3-3-4 phone number and the names given. */
export async function checkPersonalData(request: Request) {
  const { text, names } = (await request.clone().json()) as { text: string; names: string[] }
  const findings = []
  const phone = /\d{3}-\d{3}-\d{4}/.exec(text)
  if (phone) findings.push({ kind: 'phone', start: phone.index, end: phone.index + phone[0].length, text: phone[0] })
  for (const name of names) {
    const at = text.indexOf(name)
    if (at >= 0) findings.push({ kind: 'name', start: at, end: at + name.length, text: name })
  }
  return { findings }
}
