import type { SectionWords } from './words.ts'

/** Words of signing in, invites and signing out. */
export const auth = {
  // Schemas: what a refused sign-in or invite form says.
  emailRequired: 'Escriba su correo electrónico.',
  emailTooLong: 'Ese correo electrónico es demasiado largo.',
  emailInvalid: 'Escriba un correo electrónico válido, como nombre@escuela.org.',
  passwordChoose: 'Elija una contraseña.',
  passwordTooShort: 'Use al menos {{min}} caracteres en su contraseña.',
  passwordTooLong: 'Use como máximo 200 caracteres en su contraseña.',
  passwordRequired: 'Escriba su contraseña.',
  nameLabel: 'Su nombre',
  nameRequired: 'Escriba su nombre.',
  nameTooLong: 'Use como máximo 100 caracteres en su nombre.',
  roleRequired: 'Elija un rol: maestro responsable del caso, especialista, asistente del salón o familia.',
  unknownAction: 'Esa acción no se conoce.',

  // Sign in.
  signInTitle: 'Entrar',
  signInHeading: 'Entrar a Same Page',
  emailField: 'Correo electrónico',
  passwordField: 'Contraseña',
  signIn: 'Entrar',
  newToTeam: '¿Le invitaron al equipo de un estudiante? Abra el enlace de invitación que le envió el maestro responsable del caso para crear su cuenta.',

  // Invites.
  inviteTitle: 'Invitación al equipo',
  inviteInvalid: 'Este enlace de invitación no es válido. Revise que lo copió completo.',
  inviteUnusable: 'Esta invitación no se puede usar',
  inviteNoLongerUsable: 'Este enlace de invitación ya no se puede usar.',
  signInFirst: 'Primero entre a su cuenta.',
  inviteIntro: '{{inviter}} invitó a {{email}} a unirse al equipo de {{student}} como {{role}}.',
  joinHeading: 'Unirse al equipo de {{student}}',
  joinTeam: 'Unirse al equipo',
  wrongAccount: 'Usted entró como {{signedInAs}}. Esta invitación es para {{email}}: salga de su cuenta y luego vuelva a abrir el enlace.',
  signOut: 'Salir',
  haveAccount: 'Usted ya tiene una cuenta. Entre para aceptar.',
  signInAndJoin: 'Entrar y unirse',
  nameField: 'Su nombre',
  passwordHint: 'Al menos {{min}} caracteres.',
  createAndJoin: 'Crear la cuenta y unirse',
} as const satisfies SectionWords<'auth'>
