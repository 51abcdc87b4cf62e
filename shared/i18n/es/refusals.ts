import type { SectionWords } from './words.ts'

/** Words of refusals from the server: why a request changed nothing. */
export const refusals = {
  // The gates every procedure passes (server/trpc, server/http, server/auth).
  signIn: 'Entre para continuar.',
  invalidCredentials: 'Ese correo y esa contraseña no coinciden con ninguna cuenta. Revíselos y vuelva a intentarlo.',
  studentNotFound: 'No se encontró al estudiante.',
  roleCannot: 'Su rol en el equipo de este estudiante no permite hacer eso.',
  schoolNotFound: 'No se encontró la escuela.',
  schoolAdminOnly: 'Solo la administración de la escuela puede hacer eso.',
  otherSite: 'Rechazado: esta solicitud vino de otro sitio web.',
  busy: 'Los registros están ocupados en este momento: no se guardó nada. Vuelva a intentarlo en unos segundos.',
  tooLarge: 'Esta solicitud es demasiado grande: no se guardó nada.',
  tooLargeFor: 'Esta solicitud pesa más de {{size}}, el máximo que acepta esta dirección. No se guardó nada.',
  megabytes: '{{size}} MB',
  asOfFuture: 'La fecha de referencia (asOf) no puede estar en el futuro.',
  schoolIdRequired: 'Falta el identificador de la escuela.',

  // Inputs the routers read.
  planRequired: 'Pegue el plan o elija un archivo con el plan.',
  planTooLarge: 'El archivo del plan pesa más de {{size}} MB.',

  // Owned records (server/trpc/owned.server.ts).
  serviceProviderOnly: 'Solo {{provider}}, que da {{service}}, o el maestro responsable del caso pueden registrar estas sesiones.',
  goalOutsideAreas: 'Usted puede editar las partes en palabras sencillas de las metas de sus áreas ({{areas}}); esta meta es de {{area}}.',
  goalNoAreas:
    'Usted puede editar las partes en palabras sencillas de las metas de sus áreas, pero todavía no tiene ningún área asignada. Pregunte al maestro responsable del caso.',
  reportGoalOutsideAreas: 'Usted puede escribir el informe de las metas de sus áreas ({{areas}}); esta meta es de {{area}}.',
  reportGoalNoAreas:
    'Usted puede escribir el informe de las metas de sus áreas, pero todavía no tiene ningún área asignada. Pregunte al maestro responsable del caso.',
  concernOtherSide: 'Esta inquietud la registró {{side}}; solo esa parte puede cambiarla. Usted puede agregar una respuesta.',
  effectOwnOnly: 'Solo la persona que registró esto puede corregirlo o quitarlo. Usted puede registrar lo que vio como una entrada nueva.',

  // Records that are not there (or not the caller's to see).
  accommodationNotFound: 'No se encontró esa adaptación para este estudiante.',
  concernNotFound: 'No se encontró esa inquietud para este estudiante.',
  dataPointNotFound: 'No se encontró ese dato de progreso para este estudiante.',
  goalNotFound: 'No se encontró esa meta para este estudiante.',
  goalEnded: 'Esta meta terminó con un plan anterior. Sus datos se guardan y se pueden leer, pero ya no acepta datos nuevos ni cambios.',
  inviteNotFound: 'No se encontró esa invitación para este estudiante.',
  memberNotFound: 'Esa persona no está en el equipo de este estudiante.',
  notebookNotFound: 'No se encontró ese cuaderno para este estudiante.',
  notificationNotFound: 'No se encontró esa notificación.',
  recordNotFound: 'No se encontró ese registro para este estudiante.',
  serviceNotFound: 'No se encontró ese servicio para este estudiante.',
  sessionRecordNotFound: 'No se encontró ese registro de sesión para este estudiante.',
  noSnapshot: 'No hay una copia guardada de este cuaderno para ese día.',
  noDisputeToWithdraw: 'Ese registro no tiene ningún desacuerdo que retirar.',

  // School days and the school year.
  /** The Today card's words after "No school today —": why nothing is recorded that day. */
  noSchoolWeekend: 'es fin de semana',
  noSchoolClosed: 'la escuela está cerrada',
  noSchoolBeforeYear: 'el año escolar todavía no ha empezado',
  noSchoolAfterYear: 'el año escolar ya terminó',
  futureSession: 'No se puede registrar una sesión con una fecha futura.',
  futureSupports: 'No se pueden registrar apoyos para un día futuro.',
  futureProgress: 'No se puede registrar progreso con una fecha futura.',
  notSchoolDay: 'El {{date}} no es día de clases.',
  noSchoolOn: 'El {{date}} no hubo clases ({{label}}).',
  pastRecordingWindow: 'Solo se pueden hacer registros de los últimos {{days}} días de clases; el {{date}} es anterior.',
  outsideSchoolYear: 'Esa fecha está fuera del año escolar (del {{start}} de {{startYear}} al {{end}} de {{endYear}}).',
  alreadyClosure: 'El {{date}} ya es un día sin clases ({{label}}).',
  notClosure: 'El {{date}} no es un día sin clases.',

  // Sessions and make-ups.
  noSessionToMakeUp: '{{service}} no tiene una sesión anterior el {{date}} que se pueda reponer.',
  sessionNotMissed: 'La sesión de {{service}} del {{date}} sí se dio, así que no hay nada que reponer.',
  noMakeUpOwed: 'Según las reglas de la escuela, la sesión de {{service}} del {{date}} no se tiene que reponer ({{reason}}).',
  madeUpInFull: 'La sesión del {{date}} ya se repuso por completo.',
  minutesStillOwed: 'Del {{date}} solo quedan {{left}} minutos por reponer.',
  noSessionScheduled: '{{service}} no tiene ninguna sesión programada el {{date}}.',
  alreadyRecorded: 'La sesión del {{date}} ya está registrada como {{kind}}. Mejor corrija ese registro.',
  recordVoided: 'Ese registro está anulado; mejor vuelva a registrar la sesión.',
  deliveredNeedsMinutes: 'Una sesión que se dio necesita sus minutos.',
  missedNeedsReason: 'Una sesión perdida necesita un motivo.',
  makeUpStays: 'Una sesión de reposición no puede dejar de serlo; mejor anúlela.',

  // Supports, progress, disputes.
  changeIdReused: 'Este identificador de cambio ya se usó para otro registro; no se guardó nada.',
  accommodationNotToday: '“{{title}}” no corresponde el {{date}}.',
  enterValue: 'Escriba un valor o toque un resultado para cada intento.',
  dataPointVoided: 'Ese dato de progreso ya está anulado.',
  alreadyDisputed: 'Este registro ya está marcado con un desacuerdo.',

  // Services.
  providerNotOnTeam: 'Elija un especialista que esté en el equipo de este estudiante.',
  serviceKeyTaken: 'Ya existe un servicio con la clave "{{key}}".',
  amendmentOutside: 'Un cambio al servicio debe empezar después del inicio del servicio y antes de que termine.',
  amendmentTaken: 'Ya hay un cambio al servicio que empieza en esa fecha.',

  // Concerns.
  linkNotOwn: 'Uno de los registros vinculados no es de este estudiante. Elija registros de las listas.',
  futureDate: 'La fecha no puede estar en el futuro.',
  concernSidesOnly: 'Solo la familia y el maestro responsable del caso registran inquietudes.',
  familyOnlyByParent: 'Solo una madre, padre o tutor puede registrar una inquietud que vea solo la familia.',
  nothingChanged: 'No cambió nada: modifique un campo antes de guardar.',
  entryBeforeRaised: 'Una entrada no puede tener una fecha anterior a cuando se planteó la inquietud.',
  linksAlreadyLinked: 'Esos registros ya están vinculados a esta inquietud.',
  resolvedReopen: 'Esta inquietud está resuelta. Vuelva a abrirla antes de pasarla al siguiente paso.',
  stepNotAbove: 'Elija un paso más alto que el actual ({{step}}. {{title}}).',
  beforeStepBegan: 'La fecha no puede ser anterior al inicio del paso actual ({{date}}).',
  filedOnNeeded: 'Escriba la fecha en que presentó la queja ante el estado: el plazo de 60 días para la decisión se cuenta desde esa fecha.',
  filedOnStateOnly: 'La fecha de presentación es solo para una queja ante el estado (paso 5).',

  // Notebooks.
  notebookTitleTaken: 'Este estudiante ya tiene un cuaderno llamado “{{title}}”.',
  notebookArchived: 'Ese cuaderno ya está archivado.',
  archivedUnchangeable: 'Un cuaderno archivado no se puede cambiar.',

  // Team and invites.
  inviteInvalid: 'Este enlace de invitación no es válido. Revise que lo haya copiado completo.',
  inviteForOther: 'Esta invitación es para {{email}}. Salga de su cuenta y vuelva a abrir el enlace para aceptarla con esa cuenta.',
  accountExists: 'Ya existe una cuenta para {{email}}. Entre para aceptar la invitación.',
  alreadyOnTeam: '{{email}} ya está en el equipo de este estudiante ({{role}}).',
  inviteUsed: 'Esa invitación ya se usó.',
  lastCaseManager:
    'El equipo de un estudiante necesita al menos un maestro responsable del caso. Invite a otro maestro responsable del caso antes de quitar a este.',
  areasProvidersOnly: 'Solo se asignan áreas a los especialistas.',

  // The plan import: each problem with what was expected, as the command line and the import page list them.
  importSchoolMismatch: '"{{given}}" no coincide con la escuela a la que está importando: se esperaba "{{school}}"',
  importStudentTaken:
    '"{{id}}" ya es un estudiante de {{school}}: se esperaba un identificador que ningún otro estudiante tenga (¿ya se importó este archivo antes?)',
  importProviderNotStaff:
    '"{{email}}" no es parte del personal de {{school}} con un rol que entra a este equipo de inmediato, y un servicio necesita que su especialista esté en el equipo: se esperaba un especialista o un maestro responsable del caso de la escuela, incluido en team con ese rol (a cualquier otra persona se le invita: importe sin este servicio y agréguelo cuando la persona se haya unido)',
  importSchoolYear: 'del {{start}} al {{end}}',
  importStartOutsideYear: '"{{date}}" está fuera del año escolar de {{school}} ({{year}}): se esperaba una fecha de inicio dentro del año escolar',
  importNoStartDate: 'no tiene startDate, así que empezaría hoy ({{today}}), fuera del año escolar ({{year}}): se esperaba un startDate',
  importOnClosure: '"{{date}}" es un día sin clases en {{school}} ({{label}}): se esperaba un día de clases',
  importClosureNotOnCalendar:
    '"{{date}}" no es un día sin clases en el calendario de {{school}}, y solo la administración de la escuela agrega días sin clases: se esperaba una fecha que la escuela ya tenga (pida a la administración de la escuela que la agregue, o quítela)',
  importSchoolAmbiguous: '"{{name}}" nombra {{number}} escuelas en esta base de datos: se esperaba un nombre de escuela único',
  importSchoolUnknown: '"{{name}}" no es una escuela de esta base de datos: se esperaba una de estas: {{known}}',
  importNoSchools: 'ninguna todavía',

  /**
   * Not refusals: words the server writes into the records it hands to pages (the concern page's lists of
   * linkable records, a support's history, a concern letter's entries, a notebook's history and first line), kept beside the server's other words.
   */
  records: {
    sessionMissed: 'no se dio ({{reason}})',
    sessionMakeUp: 'reposición, {{minutes}} min',
    sessionDelivered: 'se dio, {{minutes}} min',
    /** One linkable record in a list: its day, what it belongs to, and what it says. */
    label: '{{date}} · {{name}}: {{what}}',
    checkReason: ' ({{reason}})',
    areaGoal: 'Meta de {{area}}',
    goal: 'Meta',
    minSuffix: ' min',
    checkStatus: { used: 'se usó', not_needed: 'no hizo falta', not_provided: 'no se ofreció', declined: 'el estudiante no la quiso' },
    responseRecorded: 'respuesta registrada: {{response}}',
    concernRaised: 'inquietud planteada',
    accommodation: 'Adaptación',
    minutesSuffix: ' minutos',
    unknownAuthor: 'un cambio anterior (no se registró quién lo hizo)',
    /** A new notebook's first line, written by the server. */
    notebookStarter: '{{title}}, empezado el {{day}}.',
  },
  ladderTakeBack: {
    nothingToTakeBack: 'Solo queda el paso inicial: no hay ningún paso que deshacer.',
    stepMoved: 'La inquietud ahora está en el paso {{current}}, no en el paso {{step}}: vuelva a cargar la página y revísela otra vez.',
  },
  groups: {
    notAGroup: '{{service}} no se da en grupo: registre sus sesiones una por una.',
    notInGroup: 'Uno de los estudiantes elegidos no está en {{group}} el {{date}}. Vuelva a cargar la página y marque otra vez a los estudiantes.',
  },
} as const satisfies SectionWords<'refusals'>
