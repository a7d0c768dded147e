import * as assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { applyEdits, eolOf } from '../../../server/src/engine';
import { parseKubernetes } from '../../../server/src/engine/parsers/kubernetes';
import { detectLayout } from '../../../server/src/engine/parsers/yaml-block';
import { appendSeqItem, deletePair, deleteSeqItem, editContext, insertEntries, replacePair, replaceScalar, setIn, type YamlEditContext } from '../../../server/src/engine/parsers/yaml-edits';
import { findPair, getIn, type PathSegment } from '../../../server/src/engine/parsers/yaml-nodes';
import type { TextEdit } from '../../../server/src/engine/types';

// Each case: a YAML text (the last `---` section is edited), an operation, and the exact text after
// the edit, or undefined when the helper must refuse.

type Operation = (ctx: YamlEditContext, root: YAMLMap) => TextEdit | undefined;

interface Case {
  readonly name: string;
  readonly input: string;
  readonly op: Operation;
  readonly expected: string | undefined;
}

const mapAt = (ctx: YamlEditContext, root: YAMLMap, path: PathSegment[]): YAMLMap => {
  const node = path.length === 0 ? root : getIn(ctx.doc, root, path);
  if (!isMap(node)) throw new Error(`no map at ${path.join('.')}`);
  return node;
};

const scalar = (path: PathSegment[], value: string | number | boolean): Operation => (ctx, root) => replaceScalar(ctx, getIn(ctx.doc, root, path), value);
const removePair = (path: PathSegment[], key: string): Operation => (ctx, root) => {
  const map = mapAt(ctx, root, path);
  const pair = findPair(ctx.doc, map, key);
  return pair ? deletePair(ctx, map, pair) : undefined;
};
const removeItem = (path: PathSegment[], index: number): Operation => (ctx, root) => {
  const seq = getIn(ctx.doc, root, path);
  return isSeq(seq) ? deleteSeqItem(ctx, seq, index) : undefined;
};
const append = (path: PathSegment[], value: string): Operation => (ctx, root) => {
  const seq = getIn(ctx.doc, root, path);
  return isSeq(seq) ? appendSeqItem(ctx, seq, value) : undefined;
};
const set = (path: PathSegment[], keys: string[], value: Parameters<typeof setIn>[3]): Operation => (ctx, root) => setIn(ctx, mapAt(ctx, root, path), keys, value);

const POD = 'kind: Pod\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';

const CASES: Case[] = [
  // replaceScalar
  { name: 'plain boolean', input: 'a:\n  privileged: true\n', op: scalar(['a', 'privileged'], false), expected: 'a:\n  privileged: false\n' },
  { name: 'quoted boolean becomes a plain boolean', input: 'privileged: "true"\n', op: scalar(['privileged'], false), expected: 'privileged: false\n' },
  { name: 'double-quoted string keeps its quotes', input: 'type: "Unconfined"\n', op: scalar(['type'], 'RuntimeDefault'), expected: 'type: "RuntimeDefault"\n' },
  { name: 'single-quoted string keeps its quotes', input: "type: 'Unconfined' # why\n", op: scalar(['type'], "it's"), expected: "type: 'it''s' # why\n" },
  { name: 'plain string that needs quotes gets them', input: 'v: a\n', op: scalar(['v'], 'yes'), expected: 'v: "yes"\n' },
  { name: 'scalar in a flow map', input: 's: {runAsUser: 0, x: 1}\n', op: scalar(['s', 'runAsUser'], 10001), expected: 's: {runAsUser: 10001, x: 1}\n' },
  { name: 'block scalar is refused', input: 'v: |\n  text\n', op: scalar(['v'], 'x'), expected: undefined },
  { name: 'anchored scalar is refused', input: 'a: &x true\nb: *x\n', op: scalar(['a'], false), expected: undefined },
  { name: 'tagged scalar is refused', input: 'a: !!str true\n', op: scalar(['a'], false), expected: undefined },
  { name: 'second document uses its own base', input: 'a: 1\n---\nb:\n  c: true\n', op: scalar(['b', 'c'], false), expected: 'a: 1\n---\nb:\n  c: false\n' },
  { name: 'CRLF text', input: 'a:\r\n  b: true\r\n', op: scalar(['a', 'b'], false), expected: 'a:\r\n  b: false\r\n' },

  // deletePair
  { name: 'delete a pair with its trailing comment', input: 'spec:\n  hostNetwork: true # why\n  dnsPolicy: x\n', op: removePair(['spec'], 'hostNetwork'), expected: 'spec:\n  dnsPolicy: x\n' },
  { name: 'delete keeps the comment line above', input: 'spec:\n  # host networking\n  hostPID: true\n  x: 1\n', op: removePair(['spec'], 'hostPID'), expected: 'spec:\n  # host networking\n  x: 1\n' },
  { name: 'delete a pair with a nested block', input: 'a:\n  b:\n    c: 1\n    d: 2\n  e: 3\n', op: removePair(['a'], 'b'), expected: 'a:\n  e: 3\n' },
  { name: 'delete the last line without a line break', input: 'a:\n  b: 1\n  c: 2', op: removePair(['a'], 'c'), expected: 'a:\n  b: 1\n' },
  { name: 'delete the first pair of a sequence item pulls the next key up', input: 'l:\n- hostPort: 80\n  containerPort: 8080\n', op: (ctx, root) => {
    const item = getIn(ctx.doc, root, ['l', 0]) as YAMLMap;
    return deletePair(ctx, item, item.items[0]);
  }, expected: 'l:\n- containerPort: 8080\n' },
  { name: 'delete the only pair of a sequence item is refused', input: 'l:\n- hostPort: 80\n', op: (ctx, root) => {
    const item = getIn(ctx.doc, root, ['l', 0]) as YAMLMap;
    return deletePair(ctx, item, item.items[0]);
  }, expected: undefined },
  { name: 'delete in a flow map is refused', input: 's: {a: 1, b: 2}\n', op: removePair(['s'], 'a'), expected: undefined },
  { name: 'delete with CRLF', input: 'a:\r\n  b: 1\r\n  c: 2\r\n', op: removePair(['a'], 'b'), expected: 'a:\r\n  c: 2\r\n' },

  // deleteSeqItem
  { name: 'delete a block item (indented dashes)', input: 'add:\n  - NET_ADMIN\n  - SYS_TIME # clock\n', op: removeItem(['add'], 1), expected: 'add:\n  - NET_ADMIN\n' },
  { name: 'delete a block item (dashes under the key)', input: 'add:\n- NET_ADMIN\n- SYS_TIME\nx: 1\n', op: removeItem(['add'], 0), expected: 'add:\n- SYS_TIME\nx: 1\n' },
  { name: 'delete a map item', input: 'env:\n  - name: A\n    value: x\n  - name: B\n', op: removeItem(['env'], 0), expected: 'env:\n  - name: B\n' },
  { name: 'delete the first of a flow sequence', input: 'add: [NET_ADMIN, "SYS_TIME"]\n', op: removeItem(['add'], 0), expected: 'add: ["SYS_TIME"]\n' },
  { name: 'delete the last of a flow sequence', input: 'add: [NET_ADMIN, SYS_TIME]\n', op: removeItem(['add'], 1), expected: 'add: [NET_ADMIN]\n' },
  { name: 'delete from a multi-line flow sequence is refused', input: 'add: [\n  A,\n  B\n]\n', op: removeItem(['add'], 1), expected: undefined },

  // appendSeqItem
  { name: 'append to a block sequence at its dash column', input: 'drop:\n    - NET_RAW\nx: 1\n', op: append(['drop'], 'ALL'), expected: 'drop:\n    - NET_RAW\n    - ALL\nx: 1\n' },
  { name: 'append to a flow sequence', input: 'drop: ["NET_RAW"]\n', op: append(['drop'], 'ALL'), expected: 'drop: ["NET_RAW", ALL]\n' },
  { name: 'append to an empty flow sequence', input: 'drop: []\n', op: append(['drop'], 'ALL'), expected: 'drop: [ALL]\n' },
  { name: 'append at the end of a file without a final line break', input: 'drop:\n- NET_RAW', op: append(['drop'], 'ALL'), expected: 'drop:\n- NET_RAW\n- ALL' },

  // setIn and insertEntries
  {
    name: 'create securityContext under a container (2 spaces, dashes under the key)',
    input: POD,
    op: set(['spec', 'containers', 0], ['securityContext', 'allowPrivilegeEscalation'], false),
    expected: POD + '    securityContext:\n      allowPrivilegeEscalation: false\n',
  },
  {
    name: 'add to an existing securityContext after its last pair and nested children',
    input: 'spec:\n  securityContext:\n    capabilities:\n      drop: [ALL]\n    # note\n  volumes: []\n',
    op: set(['spec'], ['securityContext', 'runAsNonRoot'], true),
    expected: 'spec:\n  securityContext:\n    capabilities:\n      drop: [ALL]\n    runAsNonRoot: true\n    # note\n  volumes: []\n',
  },
  {
    name: 'insert after a trailing comment on the last pair',
    input: 'sc:\n  privileged: false # ok\nnext: 1\n',
    op: set(['sc'], ['runAsUser'], 10001),
    expected: 'sc:\n  privileged: false # ok\n  runAsUser: 10001\nnext: 1\n',
  },
  {
    name: 'four-space indentation and indented dashes',
    input: 'spec:\n    containers:\n        - name: app\n          image: x\n',
    op: set(['spec', 'containers', 0], ['securityContext', 'capabilities', 'drop'], ['ALL']),
    expected: 'spec:\n    containers:\n        - name: app\n          image: x\n          securityContext:\n              capabilities:\n                  drop:\n                      - ALL\n',
  },
  {
    name: 'sequence style follows the file (dashes under the key)',
    input: 'spec:\n  containers:\n  - name: app\n',
    op: set(['spec', 'containers', 0], ['securityContext', 'capabilities', 'drop'], ['ALL']),
    expected: 'spec:\n  containers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop:\n        - ALL\n',
  },
  { name: 'fill an empty flow map', input: 'spec:\n  securityContext: {}\n  x: 1\n', op: set(['spec'], ['securityContext', 'runAsNonRoot'], true), expected: 'spec:\n  securityContext:\n    runAsNonRoot: true\n  x: 1\n' },
  { name: 'fill a key without a value', input: 'spec:\n  securityContext: # todo\n  x: 1\n', op: set(['spec'], ['securityContext', 'runAsNonRoot'], true), expected: 'spec:\n  securityContext: # todo\n    runAsNonRoot: true\n  x: 1\n' },
  { name: 'fill a null value', input: 'spec:\n  securityContext: null\n', op: set(['spec'], ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'), expected: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n' },
  { name: 'set a scalar leaf that exists', input: 'sc:\n  allowPrivilegeEscalation: true\n', op: set(['sc'], ['allowPrivilegeEscalation'], false), expected: 'sc:\n  allowPrivilegeEscalation: false\n' },
  { name: 'set a scalar leaf that is empty', input: 'sc:\n  allowPrivilegeEscalation:\n', op: set(['sc'], ['allowPrivilegeEscalation'], false), expected: 'sc:\n  allowPrivilegeEscalation: false\n' },
  { name: 'replace a scalar inside a flow map on the path', input: 'sc:\n  seccompProfile: {type: "Unconfined"}\n', op: set(['sc'], ['seccompProfile', 'type'], 'RuntimeDefault'), expected: 'sc:\n  seccompProfile: {type: "RuntimeDefault"}\n' },
  { name: 'growing a flow map on the path is refused', input: 'sc:\n  seccompProfile: {localhostProfile: x}\n', op: set(['sc'], ['seccompProfile', 'type'], 'Localhost'), expected: undefined },
  { name: 'filling an empty value inside a flow map is refused', input: 'sc: {seccompProfile: {}}\n', op: set(['sc'], ['seccompProfile', 'type'], 'RuntimeDefault'), expected: undefined },
  { name: 'inserting into a flow map is refused', input: 'sc: {privileged: false}\n', op: set([], ['sc', 'runAsNonRoot'], true), expected: undefined },
  { name: 'inserting into an aliased map is refused', input: 'a: &sc\n  x: 1\nb: *sc\n', op: set([], ['b', 'y'], 1), expected: undefined },
  { name: 'CRLF insertion', input: 'spec:\r\n  containers:\r\n  - name: app\r\n', op: set(['spec', 'containers', 0], ['securityContext', 'privileged'], false), expected: 'spec:\r\n  containers:\r\n  - name: app\r\n    securityContext:\r\n      privileged: false\r\n' },
  { name: 'insert at the end of a file without a final line break', input: 'sc:\n  a: 1', op: (ctx, root) => insertEntries(ctx, mapAt(ctx, root, ['sc']), { b: 2 }), expected: 'sc:\n  a: 1\n  b: 2' },
  { name: 'insert after a block scalar', input: 'sc:\n  a: |\n    text\n\nz: 1\n', op: set(['sc'], ['b'], 2), expected: 'sc:\n  a: |\n    text\n  b: 2\n\nz: 1\n' },

  // replacePair
  {
    name: 'replace value: with valueFrom (block style, trailing comment kept)',
    input: 'env:\n  - name: DB_PASSWORD\n    value: "hunter2" # temp\n',
    op: (ctx, root) => {
      const item = getIn(ctx.doc, root, ['env', 0]) as YAMLMap;
      const pair = findPair(ctx.doc, item, 'value');
      return pair ? replacePair(ctx, item, pair, 'valueFrom', { secretKeyRef: { name: 'app-secrets', key: 'db_password' } }) : undefined;
    },
    expected: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app-secrets\n        key: db_password # temp\n',
  },
];

function run(c: Case): string | undefined {
  const model = parseKubernetes(c.input);
  const document = model.documents[model.documents.length - 1];
  assert.ok(document.doc && isMap(document.doc.contents), `${c.name}: the input must parse to a map`);
  const ctx = editContext(c.input, eolOf(c.input), document.base, document.doc, document.doc.contents);
  const edit = c.op(ctx, document.doc.contents);
  return edit ? applyEdits(c.input, [edit]).text : undefined;
}

describe('yaml edits', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const out = run(c);
      assert.equal(out, c.expected);
      if (out !== undefined) {
        const reparsed = parseKubernetes(out);
        assert.deepEqual(reparsed.documents.flatMap((d) => d.errors.map((e) => e.message)), [], 'the edited text must still parse');
      }
    });
  }
});

describe('detectLayout', () => {
  const cases: [string, string, { step: number; seqIndent: number }][] = [
    ['two spaces, dashes under the key', 'a:\n  b:\n    c: 1\n  l:\n  - x\n', { step: 2, seqIndent: 0 }],
    ['four spaces, indented dashes', 'a:\n    b:\n        c: 1\n    l:\n        - x\n', { step: 4, seqIndent: 4 }],
    ['keys inside sequence items count from the key, not the dash', 'l:\n  - name: a\n    sc:\n      x: 1\n', { step: 2, seqIndent: 2 }],
    ['no nesting falls back to two', 'a: 1\n', { step: 2, seqIndent: 2 }],
    ['CRLF', 'a:\r\n   b: 1\r\n', { step: 3, seqIndent: 3 }],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(detectLayout(text), expected));
});
