import { ssoProviderSchema, ssoTestSchema } from '#shared/schemas/sso.ts'
import { SSO_CALLBACK_PATH } from '#shared/sso.ts'
import { testSsoConnection } from '../../auth/sso.server.ts'
import { appUrl } from '../../mail/app-url.server.ts'
import { disableSchoolSsoProvider, saveSchoolSsoProvider, schoolSsoProvider } from '../../services/sso-providers.server.ts'
import { actor, router, schoolProcedure } from '../trpc.server.ts'

/** The school's own sign-in service (docs/sign-in-with-district.md): the school admin's alone. The secret never comes back. */
export const ssoRouter = router({
  /** The provider as saved (without its secret) and the redirect URI to register with it. */
  get: schoolProcedure('school.sso').query(async ({ ctx, input }) => ({
    provider: await schoolSsoProvider(ctx.db, input.schoolId),
    redirectUri: appUrl(SSO_CALLBACK_PATH),
  })),
  /** Saves and turns on; a blank secret keeps the saved one. */
  save: schoolProcedure('school.sso')
    .input(ssoProviderSchema)
    .mutation(({ ctx, input }) => {
      const { schoolId, ...provider } = input
      return saveSchoolSsoProvider(ctx.db, { schoolId, input: provider, ...actor(ctx) })
    }),
  disable: schoolProcedure('school.sso').mutation(({ ctx, input }) => disableSchoolSsoProvider(ctx.db, { schoolId: input.schoolId, ...actor(ctx) })),
  /** Reads the provider's published settings at the issuer as typed; changes nothing. */
  test: schoolProcedure('school.sso')
    .input(ssoTestSchema)
    .mutation(({ input }) => testSsoConnection(input.issuer, input.clientId)),
})
