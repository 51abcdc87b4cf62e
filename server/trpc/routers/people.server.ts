import { inviteStaffSchema, moveCaseloadSchema, personSchema, revokeStaffInviteSchema, setSchoolAdminSchema, unlinkParentSchema } from '#shared/schemas/people.ts'
import { mailIsSent } from '../../mail/mail-mode.server.ts'
import {
  deactivatePerson,
  inviteStaff,
  listPeople,
  listPeopleChanges,
  listStaffInvites,
  moveCaseload,
  reactivatePerson,
  revokeStaffInvite,
  setSchoolAdmin,
  unlinkParent,
} from '../../services/people.server.ts'
import { router, schoolProcedure } from '../trpc.server.ts'

/** Who makes a change, where and when: what every people procedure hands its service. */
const by = (ctx: { user: { id: string }; now: () => Date }, schoolId: string) => ({ schoolId, actorId: ctx.user.id, now: ctx.now() })

/** The People page (docs/people.md): only the school's own admin, for every procedure. */
export const peopleRouter = router({
  list: schoolProcedure('school.people').query(async ({ ctx, input }) => {
    const [people, invites, changes] = await Promise.all([
      listPeople(ctx.db, input.schoolId),
      listStaffInvites(ctx.db, input.schoolId, ctx.now()),
      listPeopleChanges(ctx.db, input.schoolId),
    ])
    return { people, invites, changes, me: ctx.user.id }
  }),
  inviteStaff: schoolProcedure('school.people')
    .input(inviteStaffSchema)
    .mutation(async ({ ctx, input }) => ({ ...(await inviteStaff(ctx.db, { ...by(ctx, input.schoolId), email: input.email, name: input.name })), mailed: mailIsSent() })),
  revokeStaffInvite: schoolProcedure('school.people')
    .input(revokeStaffInviteSchema)
    .mutation(({ ctx, input }) => revokeStaffInvite(ctx.db, { ...by(ctx, input.schoolId), inviteId: input.inviteId })),
  setSchoolAdmin: schoolProcedure('school.people')
    .input(setSchoolAdminSchema)
    .mutation(({ ctx, input }) => setSchoolAdmin(ctx.db, { ...by(ctx, input.schoolId), userId: input.userId, admin: input.admin })),
  deactivate: schoolProcedure('school.people')
    .input(personSchema)
    .mutation(({ ctx, input }) => deactivatePerson(ctx.db, { ...by(ctx, input.schoolId), userId: input.userId })),
  reactivate: schoolProcedure('school.people')
    .input(personSchema)
    .mutation(({ ctx, input }) => reactivatePerson(ctx.db, { ...by(ctx, input.schoolId), userId: input.userId })),
  moveCaseload: schoolProcedure('school.people')
    .input(moveCaseloadSchema)
    .mutation(({ ctx, input }) => moveCaseload(ctx.db, { ...by(ctx, input.schoolId), fromUserId: input.fromUserId, toUserId: input.toUserId })),
  unlinkParent: schoolProcedure('school.people')
    .input(unlinkParentSchema)
    .mutation(({ ctx, input }) => unlinkParent(ctx.db, { ...by(ctx, input.schoolId), userId: input.userId, studentId: input.studentId })),
})
