/** The PSU-facing page of the authorisation endpoint: log in, see what the TPP asks for, approve or deny. */
import { escapeHtml, layout, loginFields } from '../redirect-pages.js';

export interface AuthorizePageModel {
  clientId: string;
  /** What the grant gives the TPP, as label/value rows. */
  summary: Array<[string, string]>;
  formAction: string;
  /** The authorisation request's parameters, carried through the form unchanged. */
  request: Record<string, string>;
  psuId?: string;
  error?: string;
}

export function authorizePage(m: AuthorizePageModel): string {
  const rows = m.summary.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('\n');
  const hidden = Object.entries(m.request)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const error = m.error ? `<p class="error" role="alert">${escapeHtml(m.error)}</p>\n` : '';
  return layout(
    'Authorise access',
    `<h1>Authorise ${escapeHtml(m.clientId)}</h1>
<p>The application <strong>${escapeHtml(m.clientId)}</strong> asks for your authorisation.</p>
<table>
${rows}
</table>
${error}<form method="post" action="${escapeHtml(m.formAction)}">
${hidden}
${loginFields(m.psuId)}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
<p class="hint">Sandbox users: psu-alice / sandbox-alice-1, psu-bob / sandbox-bob-2.</p>`,
  );
}
