import { createConnection } from 'node:net'

/** A message as a mail server would forward it to our 311 address. */
export type Mail = { from: string; fromName?: string; to: string; subject: string; messageId: string; body: string }

function rfc5322(mail: Mail): string {
  return [
    `From: ${mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Message-ID: <${mail.messageId}>`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...mail.body.split('\n').map((line) => (line.startsWith('.') ? `.${line}` : line)),
  ].join('\r\n')
}

/**
 * Delivers `mail` over SMTP (EHLO, MAIL, RCPT, DATA) to the API's listener, as the city's mail
 * server does; resolves once the listener answered 250 to the data, that is once it is stored.
 */
export function sendMail(port: number, mail: Mail): Promise<void> {
  const steps = [`EHLO e2e.example.net`, `MAIL FROM:<${mail.from}>`, `RCPT TO:<${mail.to}>`, 'DATA', `${rfc5322(mail)}\r\n.`, 'QUIT']
  const expected = ['220', '250', '250', '250', '354', '250', '221']
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let buffer = ''
    let step = 0
    socket.setTimeout(15_000, () => socket.destroy(new Error(`SMTP timed out at step ${step}`)))
    socket.on('error', reject)
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      // A reply is complete on a line "NNN text" (a multi-line one has "NNN-" before it).
      const lines = buffer.split('\r\n')
      const last = lines.slice(0, -1).reverse().find((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line))
      if (!last) return
      buffer = ''
      if (!last.startsWith(expected[step]!)) {
        socket.destroy()
        reject(new Error(`SMTP answered "${last}" where ${expected[step]} was expected`))
        return
      }
      if (step === steps.length) {
        socket.end()
        resolve()
        return
      }
      socket.write(`${steps[step]}\r\n`)
      step += 1
    })
  })
}
