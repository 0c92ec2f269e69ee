import { html } from '../html.ts';
import { csrfInput, layout, type PageContext } from './layout.ts';

/** Sign-in, second factor and error pages. */
export function signInPage(ctx: PageContext, options: { error?: string; email?: string; oidc: boolean; localAccounts: boolean }): string {
  return layout(
    ctx,
    'Aanmelden',
    html`${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${options.oidc ? html`<p><a href="/aanmelden/sso">Aanmelden met het organisatie-account (single sign-on)</a></p>` : ''}
${options.localAccounts
  ? html`<form method="post" action="/aanmelden">
${csrfInput(ctx.csrf)}
<div class="field"><label for="email">E-mailadres</label><input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ''}"></div>
<div class="field"><label for="password">Wachtwoord</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit">Aanmelden</button>
</form>`
  : ''}`,
  );
}

export function totpPage(ctx: PageContext, error?: string): string {
  return layout(
    ctx,
    'Code uit de authenticator-app',
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<p>Open de authenticator-app op uw telefoon en vul de code van zes cijfers in.</p>
<form method="post" action="/aanmelden/code">
${csrfInput(ctx.csrf)}
<div class="field"><label for="code">Code</label><input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required></div>
<button type="submit">Controleren</button>
</form>
<p><a href="/aanmelden">Opnieuw beginnen</a></p>`,
  );
}

export function errorPage(ctx: PageContext, title: string, message: string, back?: { href: string; label: string }): string {
  return layout(ctx, title, html`<p class="error" role="alert">${message}</p>${back ? html`<p><a href="${back.href}">${back.label}</a></p>` : html`<p><a href="/">Naar de startpagina</a></p>`}`);
}

export function signedOutPage(ctx: PageContext, reason: 'signed_out' | 'expired', providerLogout: string | null = null): string {
  return layout(
    ctx,
    reason === 'expired' ? 'Sessie verlopen' : 'Afgemeld',
    html`<p class="notice">${reason === 'expired' ? 'Uw sessie is verlopen of beëindigd. Meld u opnieuw aan.' : 'U bent afgemeld. Sluit de browser als u een gedeelde computer gebruikt.'}</p>${providerLogout ? html`<p><a href="${providerLogout}">Ook afmelden bij het organisatie-account</a></p>` : ''}<p><a href="/aanmelden">Opnieuw aanmelden</a></p>`,
  );
}
