/** HTML of the PSU-facing SCA pages (login/approve form and message pages). */

export const BANK_NAME = 'XS2A Sandbox Bank';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The PSU's login fields, shared by the SCA page and the OAuth authorisation page. */
export function loginFields(psuId: string | undefined): string {
  return `<label for="psuId">Online banking user</label>
<input type="text" id="psuId" name="psuId" autocomplete="username" value="${escapeHtml(psuId ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">`;
}

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${BANK_NAME}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h1{font-size:1.4rem}table{border-collapse:collapse;margin:1rem 0}td{padding:.2rem .8rem .2rem 0;vertical-align:top}
label{display:block;margin:.6rem 0 .2rem}input[type=text],input[type=password]{width:100%;padding:.4rem}
.error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6rem;border-radius:4px}
.actions{margin-top:1rem;display:flex;gap:.6rem}.hint{color:#667;font-size:.85rem;margin-top:1.5rem}
</style>
</head>
<body>
<p><strong>${BANK_NAME}</strong></p>
${body}
</body>
</html>
`;
}

export interface LoginPageModel {
  title: string;
  /** What is being authorised, as label/value rows. */
  summary: Array<[string, string]>;
  formAction: string;
  formToken: string;
  psuId?: string;
  error?: string;
}

export function loginPage(m: LoginPageModel): string {
  const rows = m.summary.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('\n');
  const error = m.error ? `<p class="error" role="alert">${escapeHtml(m.error)}</p>\n` : '';
  return layout(
    m.title,
    `<h1>${escapeHtml(m.title)}</h1>
<table>
${rows}
</table>
${error}<form method="post" action="${escapeHtml(m.formAction)}">
<input type="hidden" name="token" value="${escapeHtml(m.formToken)}">
${loginFields(m.psuId)}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="reject">Reject</button>
</div>
</form>
<p class="hint">Sandbox users: psu-alice / sandbox-alice-1, psu-bob / sandbox-bob-2.</p>`,
  );
}

export function messagePage(title: string, text: string, link?: { href: string; label: string }): string {
  const a = link ? `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>${a}`);
}
