import { LanguageStatusSeverity, languages, type Disposable, type LanguageStatusItem } from 'vscode';
import type { ServerStatus } from './server-payloads';
import type { SessionState } from './server-session';
import { describeStatus } from './status-text';

/** Shown for Dockerfiles and YAML, and for any file on disk or untitled, since secrets rules run everywhere. */
const STATUS_SELECTOR = [{ language: 'dockerfile' }, { language: 'yaml' }, { scheme: 'file' }, { scheme: 'untitled' }];

/** The language status entry that says which rule set is in use and links to the rules' docs. */
export class RuleSetStatusItem implements Disposable {
  private readonly item: LanguageStatusItem;
  /** The server's status can arrive before the client reports itself running; it must not be overwritten. */
  private described = false;

  constructor() {
    this.item = languages.createLanguageStatusItem('bulwark.ruleSet', STATUS_SELECTOR);
    this.item.name = 'Bulwark';
    this.item.text = 'Bulwark';
    this.item.detail = 'starts when a file is opened';
    this.item.command = { title: 'Rule docs', command: 'bulwark.showRuleDocs' };
  }

  showState(state: SessionState): void {
    this.item.busy = state === 'starting';
    if (state === 'starting') {
      this.described = false;
      this.item.detail = 'starting…';
    }
    if (state === 'running' && !this.described) this.item.detail = 'running';
    if (state === 'failed') {
      this.item.detail = 'the server did not start (see the Bulwark output)';
      this.item.severity = LanguageStatusSeverity.Error;
    }
  }

  showStatus(status: ServerStatus): void {
    const { text, detail, warning } = describeStatus(status);
    this.described = true;
    this.item.busy = false;
    this.item.text = text;
    this.item.detail = detail;
    this.item.severity = warning ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
