import NextAuth from 'next-auth';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';

// Staff-only pages (/intranet, /press-kit/drafts) sign in with the corporate tenant.
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: '2olwm81C6+jCjfus88ZMJihV4T5tSyBoC+WiN2nPD+c=',
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  providers: [
    MicrosoftEntraID({
      clientId: '18d6675f-056c-4acd-b037-49478d8de4c1',
      clientSecret: 'I9i8Q~Gpf9jDtd8DSIsuD7YbRUIgkntL~L-A3',
      issuer: 'https://login.microsoftonline.com/5edda44b-d803-424c-b163-6fd0788fbfbb/v2.0',
    }),
  ],
  pages: { signIn: '/intranet/login' },
});
