import type { TextModel } from '../../parsers/text';
import { defineTemplate } from '../template';
import type { CheckContext, Report, Span } from '../../types';
import { assignmentFixes, fixFacts, fixesReadWholeFile, usingSystem, type FixFacts } from './assignment-fix';
import { assignmentAt, type Assignment, type ScanOptions } from './assignment-scan';
import { authorizationCredential, qualifiedByParent, underYamlParent } from './assignment-syntax';
import { compileKeyClassifier, endsWithSalt, keyWords, type KeyNameParams } from './secret-key-names';
import { FILE_FILTER_SCHEMA, VALUE_FILTER_SCHEMA, compileFileFilter, compileValueFilter, masked, type FileFilterParams, type ValueFilterParams } from './secret-filters';
import { endsWithBareKey, jsonHoldsSecret, looksLikeKeyMaterial, namesTokenByQualifier } from './key-material';
import { LONG_LINE } from './keyword-segments';
import { recordArguments, recordParameterAt } from './positional-records';
import { callTuples, TUPLE_FILES } from './call-tuples';
import { TUPLE_CHUNKS, tuplesFromChunks } from './call-tuple-chunks';
import { constructionsAt, isParameterHitMark, lineAround, MAX_RECORD_PARAMETERS, parameterHitMark } from './construction-step';
import { dockerConfigHasCredential } from '../kubernetes/secret-values';
import { decodedText, decodeBase64Text, isIndirection } from './value-shape';
import { withoutPlaintextStorageId } from './password-storage';
import { basicAuthPairPasswordStart } from './secret-validators';
import { TOOL_FILES_SCHEMA, compileToolFiles, isSectionedSettingsFile, type ToolFileSpec } from './tool-files';
import { ARGUMENT_PLACES_SCHEMA, argumentPlaceKeywords, compileArgumentPlaces, type ArgumentPlaceSpec } from './typed-places';
import { COMMAND_LINES_SCHEMA, commandKeywords, compileCommandTable, type CommandLineParams } from './command-table';
import { compileCommandGate } from './command-gate';
import { commandLineSecrets } from './command-secrets';

interface Params extends FileFilterParams, ValueFilterParams, KeyNameParams {
  /** Case-insensitive literals; only keys containing one are looked at. */
  readonly keywords: readonly string[];
  /** RE2 patterns on the key: keys that end like a secret but are not one (`existingSecret`). */
  readonly ignoreKeys?: readonly string[];
  /** RE2 patterns on the file name of syntaxes whose values may be unquoted (YAML, .env, INI, Dockerfile). */
  readonly unquotedValueFiles?: readonly string[];
  /** RE2 patterns on the whole path (`/` separators) of such files, where the name alone says too little (`~/.oci/config`). */
  readonly unquotedValuePaths?: readonly string[];
  /** RE2 patterns on the file name of Dockerfiles, where `ENV KEY value` assigns too. */
  readonly dockerfileFiles?: readonly string[];
  /** RE2 patterns on the file name of syntaxes where a blank separates a key from its value (`.properties`: `key value`). */
  readonly spaceSeparatedFiles?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  /** RE2 patterns on the value: formats a dedicated detector reports (`AKIA…`, `ghp_…`), left to it. */
  readonly deferTo?: readonly string[];
  /** RE2 patterns on the file name of scripts and styles whose lines over LONG_LINE characters are minified code, not configuration. */
  readonly minifiedFiles?: readonly string[];
  /** Library signatures: which argument of a call or constructor is its password, key or token (typed-places.ts). */
  readonly argumentPlaces?: readonly ArgumentPlaceSpec[];
  /** Tools' credential files: the key that holds the secret in a file of that name (tool-files.ts). */
  readonly toolFiles?: readonly ToolFileSpec[];
  /** Files that hold commands and the command table (command-table.ts): secrets on command lines (command-secrets.ts). */
  readonly commandLines?: CommandLineParams;
}

const DEFAULT_MIN_LENGTH = 8;
const DEFAULT_MAX_LENGTH = 200;

export const secretAssignment = defineTemplate<'text', Params>({
  id: 'text-secret-assignment',
  language: 'text',
  description:
    'A generic hardcoded-credential detector: a key whose last word names a secret (keyEndings: password, token, api key…) assigned a literal, in YAML, JSON, .env/shell/INI, Python/TOML/HCL, JS/TS, Go, Java/C#, PHP/Ruby, CLI flags, Dockerfile ENV and XML syntax. Values must be quoted except in unquotedValueFiles. References (${VAR}, {{ .Values.x }}, env lookups, secret names, paths, URLs), placeholders, short or low-entropy values, and formats left to dedicated detectors (deferTo) are skipped. Also reads fallbacks after a lookup (`process.env.X || "…"`, `getenv("X", "…")`, `${X:-…}`), setter and positional password arguments, call pairs (`Header.Set("X-Api-Key", "…")`), XML key/value attributes, headers in strings and values on the next line, name/value objects (`{"name": "DB_PASSWORD", "value": "…"}`), element text named by a `key`/`name` attribute, Kotlin `to` pairs and `by lazy`, basic-auth pairs (`auth=(user, "…")`), registry logins (`docker login -p`), Spring `${name:default}`, Terraform resources named after a secret, C# positional record constructions, `.properties` `key value` (spaceSeparatedFiles), a bare `…Key` name holding quoted key material (hex or mixed-case base64, high entropy), computed header-constant keys (`[API_KEY_HEADER]: \'…\'`), YAML anchors before a value, XML element text on the line below its tag, a credentials getter returning `(user, "…")`, SQL `CREATE USER|ROLE … PASSWORD \'…\'`, a glued `mysql -p\'…\'`, an option and its value as items of an exec-form array, an environment assignment before a command in a script string, a key-derivation call\'s literal argument (`SignedString`, `hmacShaKeyFor`, `HMAC256`), YAML string tags (`!unsafe`, `!!str`), JNDI path names, a schema\'s `.default(…)`, a `default=` argument, the first item of a secret array, ODBC `PWD`, client logins by position (`username_pw_set`, `smtp.PlainAuth`, a target-typed `NetworkCredential c = new(…)`), a literal through a hex or base64 decoder, a literal compared with a `…-signature` header, the credential position of a call whose name says it logs in (`new HttpBasicAuthenticator(user, "…")`, `AuthenticateAsync(user, "…", ct)`, `new …Credential(account, "…")`, `UserInfo(user, "…")`, `.basic(user, "…")`, `BearerAuth("…")`, Ruby `basic_auth \'user\', \'…\'` without parentheses) and a basic-auth map of users to passwords (`gin.Accounts{…}`), secrets on command lines in files that hold commands (`commandLines`: words read like a shell reads them, continuations joined; an option named for a secret with any prefix, `--password …`, `-password …`, `--ks-pass pass:…`; a table of short options per command family, `7z -p…`, `signtool /p …`, `sshpass -p`; the arguments after a login subcommand, `tool login USER SECRET`; a table of argument places, `net user NAME PASSWORD`; a URL\'s secret-named query parameter; a command setting a secret-named value, `set -gx NAME value`, `secrets set NAME value`, `--name N --value V`; a literal piped into a command that stores a secret from its input, `printf \'…\' | docker secret create NAME -`; a `sed` substitution of a secret placeholder or setting; a keyword of a command\'s grammar before a password, `… user U using …`, `IDENTIFIED BY …`, `password …`; an `expect` script\'s `send "…"` answering a secret prompt; a literal typed twice into `passwd` from a here-document; a literal with no user piped into `chpasswd`), `config set KEY value`, Sinatra `set :key, …`, an env file\'s `KEY=value` inside a heredoc, `pass =` beside a `user =`, a password compared with a literal after a user name is (`username === \'ops\' && password === \'…\'`), an HCL block named for its secrets (`tokens { agent = "…" }`), a UUID under a credential name, key names of their ecosystems (Consul\'s `encrypt`, Koa\'s `app.keys`), HCL `name`/`value` blocks, a container `env` list outside a pod spec, vendor credential headers (`x-honeycomb-team`, a capitalised `Fastly-Key`), and a `dockerconfigjson` value holding registry credentials; values under a SealedSecret\'s `encryptedData` are ciphertext. Argument places with no key in sight: a login call\'s password right after the argument naming its user (`ldap3.Connection(server, dn, "…")`, `pymssql.connect(host, user, "…", db)`, `ftp_login($c, \'ops\', \'…\')`, `Net::FTP.open(host, user, "…")`), static credentials\' secret (`NewStaticV4(id, "…", "")`), Redis `auth("…")`, and the key of HMAC, JWT, cipher, cookie and serializer calls (`hmac.New(sha256.New, []byte("…"))`, `jwt.sign(payload, "…")`, `Fernet(b"…")`, `cookieParser("…")`); Java tools\' `-storepass`-style options, LDAP `-w` beside `-D`, Go struct-tag defaults, `field(default=…)`, TOML inline-table defaults, .NET configuration indexers, Nest `useValue` providers and `kms`/`seal` block keys; a YAML `key:` named by its parent mapping (`encryption: key:`), a secret-named mapping\'s `Default`/`value` child (CloudFormation, ARM parameters), a resource whose type is a secret (`github_actions_secret` `plaintext_value`), a trailing environment word (`…_KEY_PRODUCTION`), a quoted value mid-line in space-separated rc files (`with password "…"`), XML name/value element pairs (`param-name`/`param-value`), name attributes with blanks (`name="Manager Password"`), an element\'s text after its attributes (`<Pass encoding="base64">` beside `<User>`), the password after a plaintext storage id (`{noop}…`); ciphertext in a tool\'s envelope (dotenvx `encrypted:`, Vault `vault:v1:`, SOPS, OpenPGP) and values under a mapping named `encrypted` are quiet. Credential tuples by position whatever the call (a generated-looking literal after a user, a URL, an id or a secret-named constant, before a user, first in a setup call, last in a call named for a secret; a name the file declares for the position: a data row\'s parameter, a Struct field), a type or factory named for the secret it holds given the literal last (`new PasswordAuthenticationMethod(user, "…")`, `ApiKeyAuth("…")`, `AwsBasicCredentials.create(id, "…")`), a session constructor\'s user then the literal, a host, a user and a less random password; names assigned by position from a list (`const [user, password] = [\'svc\', \'…\']`, `user, password = "svc", "…"`), the first item of a list on the line below its bracket and lists named for keys of a secret kind (`FERNET_KEYS = [`), a struct\'s `Value`/`Default` under a secret-named `Name` (`&cli.StringFlag{Name: "api-token", Value: "…"}`), a Go `http.Cookie` whose `Value` is key material, zod\'s `.catch("…")`, base64 of a JSON object holding a secret-named member; transparent decoding wrappers (`Decoders.BASE64.decode("…")`, `"…".hexToByteArray()`, the literal on the next line) and `.orElse("…")` defaults. Library signatures in `argumentPlaces` (a call, the argument\'s position and the secret\'s name: redis-py `Redis(host, port, db, "…")`, `openssl_encrypt`\'s key, `MessageVerifier.new("…")`, through a hex or base64 decoder too); constructor parameters named for a secret read at each construction (C# and Java records, Java constructors, enum constants, Kotlin primary constructors and subclasses) and the first literal case of an enum named for a key; the first literal arm of a `switch`/`when`/`match` that is a key-named function\'s body, and Kotlin `get() = "…"`; coalescing defaults (`coalesce(x, "…")`, `cmp.Or(…, "…")`, `fetch(:k, "…")`) and ERB defaults in YAML; pairs as tuples (`["X-Api-Key", "…"]`, `KeyValuePair<…>("client_secret", "…")`); a JSON `value` member on the line after its key; `key=value` / `key: value` lines inside a text block or heredoc of code; a target-typed `new(…)` as a member\'s expression body or a property\'s initializer, `key=\\"…\\"` between escaped quotes mid-string, a host, a port and a service before an (upper-case) user and the literal, a call named for what it is given last (`…WithPassphrase(pem, "…")`), a named lookup read like a variable of that name (`get_option(\'…_sid\')` then the secret), Ruby `Type.new("…")` as a constructor, an abbreviation glued to `pw`/`pwd` (`omrpw`), cipher keys through `Buffer.from(…, "hex")` and `AES.new`; a UUID in a password\'s place and secret-store references (`${vault:…}`, `op://…`) are quiet. Suggests the language\'s environment lookup named after the key (Python, JavaScript/TypeScript, Go, Java, Kotlin, C#, Ruby, PHP) or an empty .env value.',
  paramsSchema: {
    type: 'object',
    required: ['keywords', 'keyEndings'],
    additionalProperties: false,
    properties: {
      keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
      keyEndings: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
      qualifiedKeyEndings: { type: 'array', items: { type: 'string', minLength: 2 } },
      keyHolders: { type: 'array', items: { type: 'string', minLength: 2 } },
      ignoreKeys: { type: 'array', items: { type: 'string', minLength: 1 } },
      unquotedValueFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
      unquotedValuePaths: { type: 'array', items: { type: 'string', minLength: 1 } },
      dockerfileFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
      spaceSeparatedFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
      minLength: { type: 'integer', minimum: 1 },
      maxLength: { type: 'integer', minimum: 1 },
      deferTo: { type: 'array', items: { type: 'string', minLength: 1 } },
      minifiedFiles: { type: 'array', items: { type: 'string', minLength: 1 } },
      argumentPlaces: ARGUMENT_PLACES_SCHEMA,
      toolFiles: TOOL_FILES_SCHEMA,
      commandLines: COMMAND_LINES_SCHEMA,
      ...FILE_FILTER_SCHEMA,
      ...VALUE_FILTER_SCHEMA,
    },
  },
  placeholders: ['key', 'secret'],
  fixKind: 'suggestion',
  // Found in the rule set's one keyword pass (keyword-pass.ts) rather than by a pass of their own.
  keywords: (params) => [...params.keywords, ...argumentPlaceKeywords(params.argumentPlaces ?? []), ...commandKeywords(params.commandLines)],
  // A value may sit two lines below its key or 1.6 KB past it (a call's third argument), and a key's
  // context reaches 200 characters back; a hit inside the previous value is skipped, so that value's
  // key must be in view too. Fixes that add an import need the whole file; C#'s `using System;` is the
  // windows' fact (windowFact), constructions the whole-file step's (construction-step.ts).
  lookaround: (_params, fileName) => (fixesReadWholeFile(fileName) && !readsConstructions(fileName) ? undefined : { linesBefore: 6, linesAfter: 4, charsBefore: 4096, charsAfter: 4096, continuedLines: true }),
  windowFact: (_params, fileName, text) => (/\.cs$/i.test(fileName) && usingSystem(text) ? USING_SYSTEM : ''),
  // Credential tuples (call-tuples.ts) have no keyword near them to open a window around: in the editor a
  // code file's windows read its keyword forms and the whole-file step its tuples and constructions (tupleStep below).
  wholeFileStep: (_params, fileName) => TUPLE_FILES.test(fileName),
  instantiate: (params, regex) => {
    const keywords = [...params.keywords, ...argumentPlaceKeywords(params.argumentPlaces ?? [])].map((k) => k.toLowerCase());
    const argumentPlaces = compileArgumentPlaces(params.argumentPlaces ?? []);
    const isSecretKey = compileKeyClassifier(params);
    const ignoredKeys = (params.ignoreKeys ?? []).map((p) => regex(p));
    const unquotedFiles = (params.unquotedValueFiles ?? []).map((p) => regex(p));
    const unquotedPaths = (params.unquotedValuePaths ?? []).map((p) => regex(p));
    const dockerfiles = (params.dockerfileFiles ?? []).map((p) => regex(p));
    const spaceSeparatedFiles = (params.spaceSeparatedFiles ?? []).map((p) => regex(p));
    const deferred = (params.deferTo ?? []).map((p) => regex(p));
    const minifiedFiles = (params.minifiedFiles ?? []).map((p) => regex(p));
    const inScope = compileFileFilter(params, regex);
    const toolFileKeys = compileToolFiles(params.toolFiles ?? [], regex, isSecretKey);
    const reportable = compileValueFilter(params, regex);
    const commandTable = compileCommandTable(params.commandLines);
    const commandGate = compileCommandGate(commandTable, isSecretKey);
    const commandFiles = (params.commandLines?.files ?? []).map((p) => regex(p));
    const minLength = params.minLength ?? DEFAULT_MIN_LENGTH;
    const maxLength = params.maxLength ?? DEFAULT_MAX_LENGTH;
    const literalSecret = (value: string, unquotedData = false): boolean => value.length >= minLength && value.length <= maxLength && !isIndirection(value, unquotedData) && reportable(value);
    /** `unquotedData`: the file's syntax takes unquoted literals (ScanOptions.unquotedValues), so an unquoted value is one. */
    const isCandidate = (a: Assignment, unquotedData = false): boolean => {
      // `pass` alone is a key only with a quoted literal (`auth: { user, pass: '…' }`), never Python's statement.
      // A bare `...Key` (`ServiceBusKey`) names a secret only when its value is a quoted literal of key material;
      // so does a quoted `refresh` (a refresh token named by its qualifier alone).
      // `PWD =` is ODBC's password keyword (odbc.ini, a DSN; case-insensitive, so `Pwd =` as MySqlConnector and DB2 write
      // it); `pwd` in lower case alone is a working directory.
      // An environment name ending in `_KEY` (`IMGPROXY_KEY=…`, uwsgi `env = …`, a lower-case `.env` `steam_publisher_key=…`) unquoted too.
      // A YAML scalar needs no quotes either: `routing_key: …` under Alertmanager's `pagerduty_configs` is the same literal.
      const bareKeyLiteral = a.quote !== '' || ((a.operator === '=' || (unquotedData && a.operator === ':')) && ENV_KEY_NAME.test(a.key));
      // A name that is a key in its ecosystem, with key material as its value: Consul's and Nomad's gossip
      // `encrypt`, Koa's and Keygrip's cookie-signing `keys` (`app.keys = ['…', …]`, the first item read), a YAML
      // `keys:` map from key ids to their secrets (LiveKit), its first entry read.
      const keyByEcosystem = (a.quote !== '' || a.operator === 'map') && ECOSYSTEM_KEY_NAME.test(a.key) && looksLikeKeyMaterial(a.value);
      // A list named for keys of a kind that is a secret (`FERNET_KEYS = [`, `SIGNING_KEYS`, `apiKeys`), its (first) item key material.
      const pluralKeys = a.quote !== '' && PLURAL_KEYS.test(a.key) && isSecretKey(a.key.slice(0, -1)) && !ignoredKeys.some((r) => r.test(a.key.slice(0, -1))) && looksLikeKeyMaterial(a.value);
      const namesSecret = isSecretKey(a.key) || (/^pass$/i.test(a.key) && (a.quote !== '' || a.besideUser === true)) || keyByEcosystem || pluralKeys || ((a.key === 'PWD' || a.key === 'Pwd') && a.operator === '=') || a.credentialHeader === true || (bareKeyLiteral && (endsWithBareKey(a.key) || (a.quote !== '' && namesTokenByQualifier(a.key))) && looksLikeKeyMaterial(a.value)) || (endsWithSalt(a.key) && looksLikeKeyMaterial(a.value));
      if (DOCKER_CONFIG_KEY.test(a.key)) return registryCredentials(a.value);
      if (!namesSecret || ignoredKeys.some((r) => r.test(a.key))) return false;
      if ((a.prefix.includes('f') && a.value.includes('{')) || deferred.some((r) => r.test(a.value))) return false;
      // Base64 of readable text (Kubernetes Secret data) is judged by what it decodes to as well.
      const decoded = decodedText(a.value);
      // After an Authorization scheme a UUID is the credential (Splunk's HEC tokens, many API tokens), not an id.
      if (a.credentialHeader === true && SCHEMED_UUID.test(a.value)) return reportable(a.value);
      // So it is under a key that names a credential (an ACL token, Opsgenie's `api_key`); a token named for a
      // client, a request or a session is an idempotency or correlation id (AWS's `ClientToken`), not one.
      if (SCHEMED_UUID.test(a.value) && isSecretKey(a.key) && !keyWords(a.key).some((w) => ID_TOKEN_WORDS.has(w))) return reportable(a.value);
      // Inside quotes a leading `!` is a character of a generated password, not a negation or a YAML tag.
      const judged = a.quote !== '' && /^![^\s!=]/.test(a.value) ? a.value.slice(1) : a.value;
      // Base64 of a JSON object is a structured token when a secret-named member of it holds a literal (Seqera's access token).
      return literalSecret(judged, unquotedData && a.quote === '' && a.operator !== 'map') && (decoded === undefined || literalSecret(decoded) || jsonHoldsSecret(decoded, (k, v) => isSecretKey(k) && literalSecret(v)));
    };
    /** A tool file's secret key: named by the file, so the value alone is judged (a UUID is the token there). */
    const toolSecret = (a: Assignment): boolean => !deferred.some((r) => r.test(a.value)) && (SCHEMED_UUID.test(a.value) ? reportable(a.value) : literalSecret(a.value));
    const scanOptions = (model: TextModel): ScanOptions => ({
      unquotedValues: unquotedFiles.some((r) => r.test(model.fileName)) || unquotedPaths.some((r) => r.test(model.path)) || isSectionedSettingsFile(model),
      dockerfile: dockerfiles.some((r) => r.test(model.fileName)),
      spaceSeparated: spaceSeparatedFiles.some((r) => r.test(model.fileName)),
      skipLongLines: minifiedFiles.some((r) => r.test(model.fileName)),
      positionalRecords: readsConstructions(model.fileName),
      argumentPlaces,
    });
    /** A candidate that is no secret where it sits: under a mapping of ciphertext, Shopify's public `api_key`. */
    const quietByParent = (model: TextModel, a: Assignment, options: ScanOptions, lineStartOf = (at: number) => model.lines.lineStart(model.lines.lineOf(at))): boolean => {
      // A SealedSecret's `encryptedData` holds ciphertext only its controller can open; so does Renovate's
      // `encrypted` object (and any mapping named so, in YAML or JSON).
      const keyLineStart = lineStartOf(a.keySpan.start);
      if (options.unquotedValues && underYamlParent(model.text, keyLineStart, 'encryptedData')) return true;
      if (ENCRYPTED_PARENT.test(qualifiedByParent(model.text, '', keyLineStart))) return true;
      // Shopify's `api_key` is the app's public client id (its secret is `api_secret`), as in Rails credentials.
      return options.unquotedValues && /^api_?key$/i.test(a.key) && underYamlParent(model.text, keyLineStart, 'shopify');
    };
    /**
     * The whole-file step of a windowed code file (wholeFileStep): the windows' reports, then the file's
     * credential tuples as the whole-file check reads them after the keyword forms, a literal either reads
     * being one finding. The tuples are read per chunk where the engine keeps chunks (call-tuple-chunks.ts).
     */
    const tupleStep = (model: TextModel, ctx: CheckContext, windowReports: readonly Report[]): void => {
      const hits: number[] = [];
      const found: Report[] = [];
      for (const r of windowReports) {
        if (isParameterHitMark(r)) hits.push(r.span.start);
        else found.push(r);
      }
      const taken = new Set(found.map((r) => r.span.start));
      const constructions = hits.length > 0 ? constructionStep(model, ctx, hits, taken) : [];
      // A literal both a window's form and a construction read, where the whole-file scan could have read either first.
      if (!constructions) return check(model, { ...ctx, windowReports: undefined, chunkResults: undefined });
      for (const r of found) if (!isTakenMark(r)) ctx.report(r);
      for (const r of constructions) ctx.report(r);
      const tuples = ctx.chunkResults ? tuplesFromChunks(model.text, ctx.chunkResults(TUPLE_CHUNKS)) : [...callTuples(model.text)];
      // A window's mark sits on a keyword hit: the file has one, without a keyword pass over the whole text.
      if (tuples.length === 0 || (hits.length === 0 && model.keywordOffsets(keywords).length === 0) || !inScope(model)) return;
      for (const a of toolFileKeys(model, { unquotedValues: true, dockerfile: false })) taken.add(a.valueSpan.start);
      const options = scanOptions(model);
      let facts: FixFacts | undefined;
      const lineOf = lineAround(model);
      for (const a of tuples) {
        if (taken.has(a.valueSpan.start) || !isCandidate(a)) continue;
        taken.add(a.valueSpan.start);
        if (quietByParent(model, a, options, (at) => lineOf(at).start)) continue;
        ctx.report({ span: a.valueSpan, data: { key: a.key, secret: masked(a.value, false) }, fixes: assignmentFixes(model, a, (facts ??= fixFacts(model))) });
      }
    };
    /**
     * The constructions of the parameters the windows marked at `hits`, as the whole-file scan reports them
     * (their literals added to `taken`); undefined where a window's report of the same literal could come
     * after the construction in that scan (its declaration's hit is above the literal, or commands in the file).
     */
    const constructionStep = (model: TextModel, ctx: CheckContext, hits: number[], taken: Set<number>): Report[] | undefined => {
      const byWindows = new Set(taken);
      const tools = new Set(toolFileKeys(model, { unquotedValues: true, dockerfile: false }).map((a) => a.valueSpan.start));
      const commands = params.commandLines !== undefined && holdsCommands(model, ctx, commandFiles);
      const options = scanOptions(model);
      const out: Report[] = [];
      const hitLine = lineAround(model);
      for (const { assignment: a, hit } of constructionsAt(model, hits.sort((x, y) => x - y), ctx.chunkResults)) {
        const at = a.valueSpan.start;
        if (tools.has(at) || (taken.has(at) && !byWindows.has(at)) || !isCandidate(a)) continue;
        if (byWindows.has(at)) {
          if (hit < at || commands) return undefined;
          continue;
        }
        taken.add(at);
        if (!quietByParent(model, a, options, (at) => hitLine(at).start)) out.push({ span: a.valueSpan, data: { key: a.key, secret: masked(a.value, false) }, fixes: assignmentFixes(model, a, fixFacts(model)) });
      }
      return out;
    };
    const check = (model: TextModel, ctx: CheckContext): void => {
      if (ctx.windowReports) return tupleStep(model, ctx, ctx.windowReports);
      const toolAssignments = toolFileKeys(model, { unquotedValues: true, dockerfile: false });
      for (const a of toolAssignments) {
        if (inScope(model) && toolSecret(a)) ctx.report({ span: a.valueSpan, data: { key: a.key, secret: masked(a.value, false) }, fixes: [] });
      }
      // A file without any of the keywords (a third of a mixed tree) asks none of the file-name patterns below.
      const commandHits = params.commandLines && holdsCommands(model, ctx, commandFiles) ? model.keywordOffsets(commandTable.keywords) : [];
      if ((model.keywordOffsets(keywords).length === 0 && commandHits.length === 0) || !inScope(model)) return;
      const commandLines = commandHits.length > 0 ? commandLineSecrets(model.text, commandHits, { table: commandTable, isSecretKey, gate: commandGate }, ctx.lineMemo) : [];
      const toolValueStarts = new Set(toolAssignments.map((a) => a.valueSpan.start));
      const options = scanOptions(model);
      // A C# window's fixes read the whole file's `using System;` (windowFact).
      const facts = fixFacts(model, ctx.inWindow === true && ctx.windowFact !== undefined ? ctx.windowFact === USING_SYSTEM : undefined);
      const reported = new Set<number>();
      // A window of a code file leaves its tuples to the whole-file step, and marks for it the candidates it keeps quiet.
      const tupleStepAfter = ctx.inWindow === true && TUPLE_FILES.test(model.fileName);
      // Tuples last, as the whole-file step reads them after the windows' reports.
      // A window marks the hits where its scan asks for a declared parameter; the whole-file step reads their constructions.
      const marks = ctx.inWindow === true && options.positionalRecords ? (hit: number) => ctx.report(parameterHitMark(hit)) : undefined;
      for (const a of [...assignments(model, keywords, options, marks), ...commandLines, ...(TUPLE_FILES.test(model.fileName) && !tupleStepAfter ? callTuples(model.text) : [])]) {
        // A literal a keyword's form and a credential tuple (call-tuples.ts) or the command-line model both read is one finding.
        if (reported.has(a.valueSpan.start) || toolValueStarts.has(a.valueSpan.start) || !isCandidate(a, options.unquotedValues)) continue;
        reported.add(a.valueSpan.start);
        if (quietByParent(model, a, options)) {
          if (tupleStepAfter) ctx.report(takenMark(a.valueSpan));
          continue;
        }
        ctx.report({ span: a.valueSpan, data: { key: a.shownKey ?? a.key, secret: masked(a.value, false) }, fixes: assignmentFixes(model, a, facts) });
      }
    };
    return check;
  },
});

/** A C# file's window fact: the whole file imports `System`. */
const USING_SYSTEM = 'using System';

/** On a window's report: a candidate it kept quiet, whose literal a tuple must not report (removed by tupleStep). */
const TAKEN = Symbol('takenByCandidate');

function takenMark(span: Span): Report {
  // Enumerable, so the copies that move a window's reports carry it.
  return { span, [TAKEN]: true } as Report;
}

function isTakenMark(report: Report): boolean {
  return (report as { [TAKEN]?: true })[TAKEN] === true;
}

/** A file of commands: by its name (the rule's `commandLines.files`), or a script by its `#!` line (a window's is in the context). */
function holdsCommands(model: TextModel, ctx: CheckContext, files: readonly { test(s: string): boolean }[]): boolean {
  const shebang = ctx.inWindow ? (ctx.shebang ?? '') : model.text.slice(0, 120);
  return files.some((r) => r.test(model.fileName)) || /^#![^\n]*\b(?:(?:ba|z|k|da|c|tc)?sh|fish|expect)\b/.test(shebang);
}

/** `encrypted.`, `encryptedData.`: what qualifiedByParent gives a key under a mapping that holds ciphertext. */
const ENCRYPTED_PARENT = /^encrypted(?:[_-]?data)?\.$/i;
const ID_TOKEN_WORDS = new Set(['client', 'request', 'idempotency', 'correlation', 'trace', 'session', 'csrf', 'xsrf', 'nonce', 'id']);
const ECOSYSTEM_KEY_NAME = /^encrypt$|(?:^|[._])keys$/;
const PLURAL_KEYS = /(?:[_.-]keys|_KEYS|[a-z0-9]Keys)$/;
const ENV_KEY_NAME = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEY|[a-z][a-z0-9]*(?:_[a-z0-9]+)*_key)$/;
const SCHEMED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Docker registry config stored encoded under its Secret key's name (`dockerconfigjson:` in Helm values). */
const DOCKER_CONFIG_KEY = /^\.?docker(?:configjson|cfg)$/i;

/** Base64 of a Docker config whose `auths` hold a password or token (not one with only a registry name). */
function registryCredentials(value: string): boolean {
  const json = value.length <= 8192 ? decodeBase64Text(value) : undefined;
  return json !== undefined && dockerConfigHasCredential(json);
}

/** `Authorization: 'Bearer …'`: the credential after the scheme, read as a secret whatever the header's key says. */
function withoutAuthorizationScheme(a: Assignment): Assignment {
  const span = a.quote ? authorizationCredential(a.key, a.value, a.valueSpan) : undefined;
  if (!span) return a;
  const value = a.value.slice(span.start - a.valueSpan.start);
  return { ...a, value, valueSpan: span, credentialHeader: true, embedded: true };
}

/** `ADMIN_BASIC_AUTH=ops:…`: the password of a `user:password` pair under a basic-auth name, read as a credential. */
function basicAuthPassword(a: Assignment): Assignment {
  const at = a.credentialHeader ? undefined : basicAuthPairPasswordStart(a.key, a.value);
  if (at === undefined) return a;
  return { ...a, value: a.value.slice(at), valueSpan: { start: a.valueSpan.start + at, end: a.valueSpan.end }, credentialHeader: true, embedded: true };
}

/**
 * C#, Java and Kotlin files where a constructor parameter named for a secret is read at each construction
 * (positional-records.ts): constructions sit anywhere in the file, so the rule reads the whole of such a file
 * (no windows in the editor, see lookaround), or the editor would miss what the CLI finds.
 */
function readsConstructions(fileName: string): boolean {
  return /\.(?:cs|java|kts?)$/i.test(fileName);
}


/**
 * Each assignment whose key holds a keyword hit, once (a key like `secret_token` holds two hits). With
 * `marks` (a window), the hits where a declared parameter may be are marked instead of its constructions read.
 */
function* assignments(model: TextModel, keywords: readonly string[], options: ScanOptions, marks?: (hit: number) => void): Generator<Assignment> {
  const lines = model.lines;
  let lastKeyStart = -1;
  let lastValueEnd = -1;
  let recordsRead = 0;
  for (const hit of model.keywordOffsets(keywords)) {
    if (hit < lastValueEnd) continue;
    const line = lines.lineOf(hit);
    if (options.skipLongLines && lines.lineEnd(line) - lines.lineStart(line) > LONG_LINE) continue;
    const found = assignmentAt(model.text, hit, lines.lineStart(line), lines.lineEnd(line), options);
    const a = found && withoutPlaintextStorageId(basicAuthPassword(withoutAuthorizationScheme(found)));
    if (!found && options.positionalRecords && marks) {
      // Whether the type is an enum decides some declarations, and the window cannot tell: it marks both kinds.
      const parameter = recordParameterAt(model.text, hit, lines.lineStart(line), lines.lineEnd(line), () => true);
      if (parameter) marks(hit);
      if (parameter) lastKeyStart = parameter.keySpan.start;
    } else if (!found && options.positionalRecords && recordsRead < MAX_RECORD_PARAMETERS) {
      // Constructions sit anywhere in the file: they do not move the scan past the hit. Each read is a
      // pass over the file, so a file gets a few (records with a secret parameter are rare).
      const parameter = recordParameterAt(model.text, hit, lines.lineStart(line), lines.lineEnd(line));
      if (parameter && parameter.keySpan.start !== lastKeyStart) {
        recordsRead++;
        yield* recordArguments(model.text, parameter);
      }
      if (parameter) lastKeyStart = parameter.keySpan.start;
    }
    // A bare `key` names nothing (`<add key="ApiKey" value="..."/>`): the hits inside its value are read for themselves.
    if (!a || a.keySpan.start === lastKeyStart || /^key$/i.test(a.key)) continue;
    lastKeyStart = a.keySpan.start;
    lastValueEnd = a.valueSpan.end;
    yield a;
  }
}
