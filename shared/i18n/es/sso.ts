import type { SectionWords } from './words.ts'

/** Words of single sign-on: the school's own sign-in service, its set-up page and the refusals at sign-in. */
export const sso = {
  // The sign-in page.
  signInWith: 'Entrar con {{label}}',
  orDivider: 'El personal de una escuela que configuró su propio sistema para entrar puede usarlo en lugar de una contraseña:',
  familiesKeepPasswords: 'Las familias entran con su correo electrónico y su contraseña.',

  // Refusals at sign-in: each changes nothing and counts toward the sign-in lock.
  refusedTitle: 'No se pudo entrar',
  refusedHeading: 'Usted no ha entrado',
  backToSignIn: 'Volver a la página para entrar',
  foreignState: 'Este enlace para entrar no es de este navegador o ya venció; empiece de nuevo.',
  providerOff: 'El sistema para entrar de esta escuela está desactivado. Entre con su correo electrónico y su contraseña.',
  providerUnreachable: 'No se pudo conectar con el sistema para entrar. Vuelva a intentarlo en un minuto, o entre con su correo electrónico y su contraseña.',
  notConfirmed: 'El sistema para entrar no confirmó quién es usted. Empiece de nuevo.',
  noEmail: 'El sistema para entrar no nos dio su correo electrónico, así que no podemos encontrar su cuenta. Pregunte al administrador de su escuela.',
  unverified: 'El sistema para entrar no ha verificado su correo electrónico, así que no se puede usar para entrar aquí. Pregunte al personal de informática de su distrito, o entre con su correo electrónico y su contraseña.',
  noAccount:
    'Ninguna cuenta del personal de esta escuela coincide con el correo electrónico que dio su sistema para entrar. Pida al administrador de su escuela que le envíe una invitación a ese correo, o entre con su correo electrónico y su contraseña. (Las familias siempre entran con contraseña).',

  // The set-up page for the school admin.
  admin: {
    cardTitle: 'Entrar con las cuentas de su distrito',
    cardIntro: 'Permita que el personal entre con Google Workspace, Microsoft Entra u otro servicio OpenID Connect. Las familias siguen usando su contraseña.',
    cardLink: 'Configurar las formas de entrar',
    title: 'Formas de entrar',
    intro: '{{school}}: el personal puede entrar con las cuentas propias del distrito (OpenID Connect). Las familias siempre entran con su correo electrónico y su contraseña.',
    statusOn: 'Activado: la página para entrar ofrece “Entrar con {{label}}”.',
    statusOff: 'Desactivado: la página para entrar solo ofrece correo electrónico y contraseña.',
    statusNone: 'Todavía no está configurado.',
    redirectTitle: 'Registre esta dirección con su proveedor',
    redirectIntro: 'Su proveedor pregunta adónde enviar a las personas después de entrar (el “redirect URI” o URI de redirección). Dele exactamente esta:',
    redirectLabel: 'URI de redirección',
    scopes: 'Pida los permisos (scopes) openid, email y profile. Same Page deja entrar a una persona cuyo correo electrónico verificado coincide con una cuenta del personal de esta escuela.',
    formTitle: 'Proveedor',
    label: 'Nombre en el botón',
    labelHint: 'Las personas leen “Entrar con …”: por ejemplo, “Distrito Escolar Maple”.',
    labelRequired: 'Ponga un nombre al botón, por ejemplo “Distrito Escolar Maple”.',
    issuer: 'URL del emisor (issuer)',
    // kept in English: <tenant id> is the placeholder Microsoft writes in this address
    issuerHint: 'Para Google: https://accounts.google.com. Para Microsoft Entra: https://login.microsoftonline.com/<tenant id>/v2.0 (con el id. de inquilino de su organización)',
    issuerRequired: 'Escriba la URL del emisor de su proveedor.',
    issuerNotUrl: 'Escriba el emisor como una dirección completa, como https://accounts.google.com.',
    issuerNotHttps: 'El emisor debe empezar con https:// (http simple solo para un proveedor de prueba en esta máquina, nunca en producción).',
    issuerHasQuery: 'El emisor es una dirección sin consulta, fragmento ni contraseña, como https://accounts.google.com.',
    clientId: 'ID de cliente',
    clientIdRequired: 'Escriba el ID de cliente que le dio su proveedor.',
    clientSecret: 'Secreto de cliente',
    clientSecretHintKept: 'Hay un secreto guardado. Deje esto en blanco para conservarlo; escriba uno nuevo para reemplazarlo. Nunca se vuelve a mostrar.',
    clientSecretHintNew: 'El secreto que le dio su proveedor. Después de guardarlo, nunca se vuelve a mostrar.',
    clientSecretRequired: 'Escriba el secreto de cliente que le dio su proveedor.',
    tooLong: '{{field}}: como máximo {{max}} caracteres.',
    save: 'Guardar y activar',
    saving: 'Guardando…',
    test: 'Probar la conexión',
    testing: 'Probando…',
    disable: 'Desactivar',
    saved: 'Guardado. La página para entrar ahora ofrece “Entrar con {{label}}”.',
    disabled: 'Desactivado. La página para entrar solo ofrece correo electrónico y contraseña.',
    notSetUp: 'No hay ningún sistema para entrar configurado para esta escuela.',
    testOk: 'Conectado con {{issuer}}: publica una dirección para entrar ({{endpoint}}).',
    testFailed: 'No se pudo leer la configuración del proveedor en {{issuer}}: {{reason}}',
    testUnreachable: 'no hubo respuesta de esa dirección, o no fue una respuesta de OpenID Connect.',
  },
} as const satisfies SectionWords<'sso'>
