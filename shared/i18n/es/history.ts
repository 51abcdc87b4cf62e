import type { SectionWords } from './words.ts'
import { profileFields } from './student.ts'

/** Words of the History page: one sentence per recorded event. */
export const history = {
  /** One sentence per audit event (shared/audit-events.ts). */
  event: {
    accommodation: {
      create: '{{who}} agregó la adaptación “{{title}}”{{when}}.',
      update: '{{who}} cambió la adaptación “{{title}}”.',
      translate: '{{who}} escribió en {{language}} la adaptación “{{title}}”.',
    },
    accommodation_check: {
      // The reason and the full stop are added after (see withReason, fullStop).
      create: '{{who}} anotó que “{{title}}” {{status}} el {{date}}{{late}}',
      update: '{{who}} cambió un registro: “{{title}}” {{status}} el {{date}}{{late}} (antes: {{was}})',
    },
    advocate_grant: {
      create: '{{who}} le dio a {{email}} acceso de solo lectura hasta el final del día {{lastDay}}.',
      accept: '{{who}} aceptó el acceso de solo lectura, hasta el final del día {{lastDay}}.',
      revoke: '{{who}} quitó el acceso de solo lectura de {{email}}.',
    },
    attachment: {
      add: '{{who}} adjuntó el archivo “{{name}}” a {{owner}}.',
      remove: '{{who}} quitó el archivo “{{name}}” de {{owner}}; el archivo se guarda en el registro.',
    },
    auth: {
      sign_in: '{{who}} entró a su cuenta.',
      sign_in_failed: 'Alguien intentó entrar como {{email}} con una contraseña equivocada.',
      sign_in_spray_alert: 'Hubo intentos fallidos de entrar a {{count}} cuentas desde una misma dirección de internet en {{minutes}} minutos.',
      sign_out: '{{who}} salió de su cuenta.',
      password_reset: '{{who}} puso una contraseña nueva con un enlace para cambiarla; todos los dispositivos salieron de la cuenta.',
      password_change: '{{who}} cambió su contraseña; sus otros dispositivos salieron de la cuenta.',
      email_change: '{{who}} cambió el correo electrónico con el que entra.',
      session_expired: '{{who}} salió de su cuenta automáticamente después de un tiempo sin actividad.',
      device_signed_out: '{{who}} sacó de su cuenta uno de sus dispositivos.',
      name_change: '{{who}} cambió el nombre que ven sus equipos.',
      sign_in_code_failed: 'Alguien que intentaba entrar como {{email}} escribió un código de verificación en dos pasos equivocado, vencido o ya usado.',
      two_step_set_up: '{{who}} activó la verificación en dos pasos.',
      two_step_turn_off: '{{who}} desactivó la verificación en dos pasos.',
      two_step_new_codes: '{{who}} creó códigos de recuperación nuevos para la verificación en dos pasos; los anteriores ya no sirven.',
      two_step_recovery_used: '{{who}} entró con un código de recuperación de la verificación en dos pasos.',
      two_step_school_required: '{{who}} cambió si la escuela exige la verificación en dos pasos.',
    },
    check_dispute: {
      dispute: '{{who}} marcó que no está de acuerdo con un registro de adaptación: “{{comment}}”.',
      withdraw: '{{who}} retiró su desacuerdo con un registro de adaptación.',
    },
    communication_profile: {
      create: '{{who}} escribió el perfil de comunicación.',
      update: '{{who}} actualizó el perfil de comunicación.',
    },
    effect: {
      record: '{{who}} anotó lo que pasó después, el {{date}}: {{kind}}.',
      correct: '{{who}} corrigió lo que pasó después, el {{date}} (la anotación anterior se guarda).',
      remove: '{{who}} quitó una anotación de lo que pasó después (se guarda en el registro).',
    },
    concern: {
      create: '{{who}} anotó una inquietud: “{{issue}}”.',
      update: '{{who}} editó una inquietud (el texto anterior se guarda como una versión).',
      add_contact: '{{who}} anotó un contacto en una inquietud.',
      add_response: '{{who}} anotó una respuesta en una inquietud.',
      link: '{{who}} vinculó registros a una inquietud.',
      // The step and the full stop are added after (see escalatedTo, fullStop).
      escalate: '{{who}} pasó una inquietud al siguiente paso',
      take_back_step: '{{who}} deshizo el paso {{from}} de una inquietud, que se anotó por error; la inquietud volvió al paso {{to}}.',
      send_letter: '{{who}} envió por correo electrónico una carta sobre una inquietud.',
      mark_letter_sent: '{{who}} anotó que una carta sobre una inquietud se entregó en mano.',
      letter_answered: '{{who}} anotó la respuesta a una carta sobre una inquietud.',
      agree: '{{who}} anotó que una inquietud terminó con un acuerdo el {{date}}.',
      add_item: '{{who}} anotó un compromiso de un acuerdo: “{{what}}”, para el {{date}}.',
      item_done: '{{who}} marcó como cumplido un compromiso: “{{what}}”.',
      reopen: 'Una nueva alerta de {{service}} volvió a abrir una inquietud que había terminado con un acuerdo.',
      share: '{{who}} compartió con el equipo una inquietud que solo veía la familia.',
    },
    goal: {
      create: '{{who}} agregó {{goal}}.',
      update: '{{who}} cambió {{goal}}.',
      update_plain: '{{who}} volvió a escribir el resumen en palabras sencillas de una meta.',
      translate_plain: '{{who}} escribió en {{language}} el resumen en palabras sencillas de una meta.',
      end: '{{who}} dio por terminada {{goal}} cuando empezó el plan siguiente: “{{reason}}”. Sus versiones y datos se guardan.',
    },
    iep_plan: {
      set_dates: '{{who}} puso las fechas del IEP. Inicio del plan: {{start}}; fin: {{end}}; revisión anual: {{review}}; reevaluación: {{reevaluation}}.',
      start_next: '{{who}} empezó el plan siguiente, del {{start}} al {{end}}: {{carried}} metas pasaron al plan nuevo y {{ended}} terminaron.',
    },
    invite: {
      create: '{{who}} invitó a {{email}} como {{role}}.',
      revoke: '{{who}} canceló la invitación de {{email}}.',
    },
    notebook: {
      create: '{{who}} abrió el cuaderno “{{title}}”.',
      rename: '{{who}} cambió el nombre del cuaderno “{{before}}” a “{{after}}”.',
      archive: '{{who}} archivó el cuaderno “{{title}}”.',
      restore: '{{who}} devolvió el cuaderno “{{title}}” a como estaba el {{date}}.',
    },
    notification: {
      // The notice's own words and the full stop are added after (see withReason, fullStop).
      create: 'Se envió un aviso a la familia',
      seen: '{{who}} vio un aviso.',
    },
    plan_change: {
      acknowledge: '{{who}} confirmó que vio un cambio en el plan.',
    },
    progress_codes: {
      update: '{{who}} fijó los códigos de progreso de la escuela: {{codes}}.',
    },
    progress_report: {
      write_part: '{{who}} escribió la parte de una meta en el informe de progreso de {{period}}.',
      issue: '{{who}} publicó el informe de progreso de {{period}}.',
      correct: '{{who}} publicó una corrección del informe de progreso de {{period}} (versión {{version}}): “{{reason}}”.',
      acknowledge: '{{who}} confirmó que recibió el informe de progreso de {{period}} (versión {{version}}).{{comment}}',
    },
    record_export: {
      make: '{{who}} hizo una copia de todo el registro en un solo archivo ({{copy}}, {{files}} archivos).',
    },
    records_request: {
      log: '{{who}} anotó una solicitud del expediente escolar de {{requestedBy}}, recibida el {{received}}, con fecha límite el {{due}}.',
      set_days: '{{who}} fijó en {{days}} los días para responder una solicitud del expediente escolar.',
      fulfil: '{{who}} respondió la solicitud del expediente escolar de {{requestedBy}} el {{fulfilled}}: un archivo con {{files}} archivos (SHA-256 {{sha}}).',
    },
    progress_point: {
      create: '{{who}} anotó {{value}} para {{goal}} el {{date}}{{state}}.',
      // The reason and the full stop are added after (see withReason, fullStop).
      void: '{{who}} anuló el dato{{value}} del {{date}}',
    },
    regulation_profile: {
      create: '{{who}} escribió el perfil de regulación emocional.',
      update: '{{who}} actualizó el perfil de regulación emocional.',
    },
    school_closure: {
      create: '{{who}} marcó el {{date}} como día sin clases{{label}}.',
      remove: '{{who}} quitó el día sin clases del {{date}}{{label}}.',
    },
    school_policy: {
      update: '{{who}} decidió qué sesiones perdidas se deben reponer, según el motivo: {{reasons}}.',
    },
    reporting_period: {
      create: '{{who}} agregó el periodo de informes {{name}} (del {{start}} al {{end}}).',
      update: '{{who}} cambió el periodo de informes {{name}}: ahora va del {{start}} al {{end}}.',
      remove: '{{who}} quitó el periodo de informes {{name}}.',
    },
    school_sessions: {
      update: '{{who}} fijó cuánto tiempo las personas siguen dentro de su cuenta: el personal, {{minutes}} minutos sin actividad; las familias, {{days}} días.',
    },
    school_role: {
      grant: '{{who}} le dio a {{name}} el papel de administración de la escuela.',
      revoke: '{{who}} le quitó a {{name}} el papel de administración de la escuela.',
      join: '{{who}} se unió al personal de la escuela.',
    },
    staff_invite: {
      create: '{{who}} invitó a {{email}} a unirse al personal de la escuela.',
      revoke: '{{who}} canceló la invitación de {{email}} al personal de la escuela.',
    },
    service: {
      create: '{{who}} agregó el servicio {{service}}{{detail}}.',
      amend: '{{who}} modificó {{service}}{{detail}}',
    },
    session_dispute: {
      dispute: '{{who}} marcó que no está de acuerdo con un registro de sesión: “{{comment}}”.',
      withdraw: '{{who}} retiró su desacuerdo con un registro de sesión.',
    },
    session_record: {
      create: '{{who}} registró {{service}} ({{date}}): {{outcome}}.',
      // The reason for the change and the full stop are added after (see withReason, fullStop).
      correct: '{{who}} corrigió {{service}} ({{date}}): ahora {{outcome}}',
      void: '{{who}} anuló el registro de {{service}} ({{date}})',
    },
    sso_provider: {
      save: '{{who}} configuró “{{label}}”, el servicio que la escuela usa para entrar.',
      disable: '{{who}} desactivó “{{label}}”, el servicio que la escuela usa para entrar.',
      sign_in_refused: 'Se rechazó un intento de entrar con el servicio que la escuela usa para entrar{{email}}.',
    },
    student: {
      import: '{{who}} importó el plan de {{name}}.',
    },
    team_member: {
      add: '{{who}} agregó a {{email}} al equipo como {{role}}.',
      join: '{{who}} se unió al equipo como {{role}}.',
      remove: '{{who}} sacó a {{name}} ({{role}}) del equipo.',
      set_areas: '{{who}} fijó las áreas de metas de un especialista: {{areas}}.',
      move_caseload: '{{who}} pasó el caso de {{from}} a {{to}}, que ahora es responsable del caso.',
    },
    user: {
      create: '{{name}} creó una cuenta.',
      deactivate: '{{who}} desactivó la cuenta de {{name}}.',
      reactivate: '{{who}} volvió a activar la cuenta de {{name}}.',
    },
    make_up_plan: {
      plan: '{{who}} planeó una reposición de {{service}} para el {{date}}, por la sesión perdida del {{repays}}.',
      move: '{{who}} cambió la reposición planeada de {{service}} (por la sesión perdida del {{repays}}) al {{date}}',
      cancel: '{{who}} canceló la reposición de {{service}} planeada para el {{date}}',
      close: '{{who}} registró la reposición de {{service}} planeada para el {{date}}.',
    },
  },
  /** An event this version has no sentence for (an older row): named as stored. */
  unknownEvent: '{{who}}: {{entity}} {{action}}.',
  sessionExpiredMax: '{{who}} salió de su cuenta automáticamente al cumplirse el tiempo máximo que el personal puede seguir dentro.',
  someone: 'Alguien',
  someoneInvited: 'alguien',
  member: 'miembro',
  aMember: 'un miembro',
  untitled: 'sin título',
  aSupport: 'un apoyo',
  unknownDate: 'día desconocido',
  noAreas: 'ninguna',
  aGoal: 'una meta',
  anAreaGoal: 'una meta de {{area}}',
  theAreaGoal: 'la meta de {{area}}',
  aDataPoint: 'un dato',
  theStudent: 'el estudiante',
  /** What a file was attached to, in an attachment's sentence. */
  attachmentOwner: {
    concern: 'una inquietud',
    letter: 'una carta',
    session_record: 'un registro de sesión',
    progress_point: 'un dato de progreso',
    notebook: 'un cuaderno',
    other: 'un registro',
  },
  regulationState: '; {{name}} estaba {{state}}',
  appliesWhen: ' ({{when}})',
  late: ' (con retraso)',
  voidedValue: ' de {{value}}',
  escalatedTo: '{{sentence}}: ahora está en el paso {{step}}.',
  withReason: '{{sentence}}: “{{reason}}”.',
  // The reason already ends with its own full stop, inside the quotes.
  withReasonEnded: '{{sentence}}: “{{reason}}”',
  fullStop: '{{sentence}}.',
  check: {
    used: 'se usó',
    not_needed: 'no hizo falta',
    not_provided: 'no se dio',
    declined: 'se rechazó',
    recorded: 'se anotó',
    cleared: 'quedó sin anotar (se deshizo)',
  },

  // What changed, field by field
  field: {
    area: 'Área',
    officialText: 'Texto oficial de la meta',
    baseline: 'Punto de partida',
    target: 'Objetivo',
    unit: 'Se mide en',
    mastery: 'Se considera lograda cuando',
    title: 'Título',
    description: 'Descripción sencilla',
    category: 'Categoría',
    applies: 'Cuándo se aplica',
    startDate: 'Fecha de inicio',
    ...profileFields,
    areas: 'Áreas de metas',
  },
  unitWord: { percent: 'porcentaje', minutes: 'minutos', count: 'número de veces' },
  empty: '(vacío)',
  none: '(ninguno)',
  yes: 'Sí',
  no: 'No',

  // The page
  title: 'Historial',
  pageTitle: 'Historial · {{name}} · Same Page',
  intro: 'Cada cambio en el plan y los registros de {{name}}, del más reciente al más antiguo. No se borra nada: una corrección es una anotación nueva.',
  latestOnly: ' Se muestran los últimos {{count}} cambios.',
  noChanges: 'Todavía no hay cambios anotados.',
  allChanges: 'Todos los cambios',
  whatChanged: 'Qué cambió',
  before: 'Antes: ',
  after: '. Después: ',
  arrow: '→',

  /** The parts of the sentences about sessions, services, closures and sign-ins. */
  sentenceParts: {
    familyCopy: 'la copia de la familia',
    schoolCopy: 'la copia de la escuela para una solicitud del expediente escolar',
    aSession: 'una sesión',
    aService: 'un servicio',
    anAccount: 'una cuenta',
    forEmail: ' ({{email}})',
    someone: 'Alguien',
    label: ' ({{label}})',
    comment: ' Su comentario: “{{comment}}”',
    noReasons: 'ninguna',
    unknownReason: 'sin motivo indicado',
    delivered: 'se dio, {{minutes}} min',
    deliveredNoMinutes: 'se dio',
    missed: 'no se dio ({{reason}})',
    makeUp: 'una reposición de {{minutes}} min por la sesión del {{repays}}',
    makeUpNoDay: 'una reposición de {{minutes}} min',
    voided: 'anulada',
    serviceCreated: ', {{minutes}} min por sesión desde el {{date}}',
    serviceAmended: ': {{minutes}} min por sesión desde el {{date}}',
  },
} as const satisfies SectionWords<'history'>
