import { describe, expect, it } from 'vitest';
import { parseFirstForm } from '../../src/sca/html-form.js';

describe('HTML form parsing', () => {
  it('reads action, method, inputs and submit buttons', () => {
    const html = `<!doctype html><html><body><h1>Login</h1>
      <form method="post" action="/sca/a1?x=1&amp;y=2">
        <input type="hidden" name="token" value="t-1">
        <label>User <input name=psuId></label>
        <input type='password' name='password'>
        <button type="submit" name="decision" value="approve">Approve</button>
        <button name="decision" value="reject"><b>Reject</b></button>
        <input type="submit" name="other" value="Help">
      </form></body></html>`;
    expect(parseFirstForm(html)).toEqual({
      action: '/sca/a1?x=1&y=2',
      method: 'POST',
      inputs: [
        { name: 'token', type: 'hidden', value: 't-1' },
        { name: 'psuId', type: 'text', value: '' },
        { name: 'password', type: 'password', value: '' },
      ],
      buttons: [
        { name: 'other', value: 'Help', label: 'Help' },
        { name: 'decision', value: 'approve', label: 'Approve' },
        { name: 'decision', value: 'reject', label: 'Reject' },
      ],
    });
  });
  it('returns undefined for a page without a form', () => {
    expect(parseFirstForm('<p>done</p>')).toBeUndefined();
  });
});
