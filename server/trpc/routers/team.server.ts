import { mailIsSent } from '../../mail/mail-mode.server.ts'
import { can } from '#shared/permissions.ts'
import { inviteMemberSchema, removeMemberSchema, revokeInviteSchema, setProviderAreasSchema } from '#shared/schemas/team.ts'
import {
  inviteMember,
  listPendingInvites,
  listStudentHistory,
  listTeam,
  removeMember,
  revokeInvite,
  setProviderAreas,
} from '../../services/team.server.ts'
import { seesFamilyOnly } from '../owned.server.ts'
import { actor, router, studentProcedure } from '../trpc.server.ts'

export const teamRouter = router({
  list: studentProcedure('team.view').query(({ ctx, input }) => listTeam(ctx.db, input.studentId)),
  pendingInvites: studentProcedure('team.manage').query(({ ctx, input }) =>
    listPendingInvites(ctx.db, input.studentId, ctx.now()),
  ),
  invite: studentProcedure('team.manage')
    .input(inviteMemberSchema)
    .mutation(async ({ ctx, input }) => {
      const invite = await inviteMember(ctx.db, { studentId: input.studentId, email: input.email, role: input.role, language: input.language, invitedBy: ctx.user.id, now: ctx.now() })
      // The page says whether the invite went by mail or waits in the outbox for the link to be passed on by hand.
      return { ...invite, mailed: mailIsSent() }
    }),
  revokeInvite: studentProcedure('team.manage')
    .input(revokeInviteSchema)
    .mutation(({ ctx, input }) =>
      revokeInvite(ctx.db, { studentId: input.studentId, inviteId: input.inviteId, ...actor(ctx) }),
    ),
  remove: studentProcedure('team.manage')
    .input(removeMemberSchema)
    .mutation(({ ctx, input }) =>
      removeMember(ctx.db, { studentId: input.studentId, memberId: input.memberId, ...actor(ctx) }),
    ),
  setAreas: studentProcedure('team.manage')
    .input(setProviderAreasSchema)
    .mutation(({ ctx, input }) =>
      setProviderAreas(ctx.db, { studentId: input.studentId, memberId: input.memberId, areas: input.areas, ...actor(ctx) }),
    ),
  // Family-only concerns only for parents; notebook words only for those who may open the notebooks; report drafts
  // only for those who may read them.
  history: studentProcedure('history.view').query(({ ctx, input }) =>
    listStudentHistory(ctx.db, input.studentId, {
      hideFamilyOnly: !seesFamilyOnly(ctx),
      hideNotebookText: !can(ctx.access.role, 'notes.view'),
      hideDrafts: !can(ctx.access.role, 'reports.viewDraft'),
    }),
  ),
})
