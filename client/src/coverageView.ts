/** The "Plan coverage" tree view (`planlint.coverageView`): areas → measures, and the targets. */
import * as vscode from 'vscode';
import type { CoverageView } from '../../server/src/protocol';
import { buildNodes, percent, type CoverageNode } from './coverageModel';
import type { CoverageTracker } from './coverageTracker';

export const VIEW_ID = 'planlint.coverageView';

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: CoverageNode[] = [];
  private readonly parents = new Map<CoverageNode, CoverageNode>();
  private view: CoverageView | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tracker: CoverageTracker) {
    this.subscription = tracker.onDidChange((view) => this.update(view));
    this.update(tracker.current);
  }

  /** The coverage shown now (undefined when no plan draft is tracked). */
  get coverage(): CoverageView | undefined {
    return this.view;
  }

  /** Root nodes as shown; each node's `children` holds the next level (for tests and commands). */
  get nodes(): readonly CoverageNode[] {
    return this.roots;
  }

  find(id: string): CoverageNode | undefined {
    const walk = (nodes: readonly CoverageNode[]): CoverageNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const hit = walk(n.children);
        if (hit) return hit;
      }
      return undefined;
    };
    return walk(this.roots);
  }

  update(view: CoverageView | undefined): void {
    this.view = view;
    this.roots = view ? buildNodes(view, vscode.l10n.t) : [];
    this.parents.clear();
    const link = (nodes: CoverageNode[]) => {
      for (const n of nodes) {
        for (const c of n.children) this.parents.set(c, n);
        link(n.children);
      }
    };
    link(this.roots);
    this.emitter.fire(undefined);
  }

  getChildren(element?: CoverageNode): CoverageNode[] {
    return element ? element.children : this.roots;
  }

  getParent(element: CoverageNode): CoverageNode | undefined {
    return this.parents.get(element);
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const collapsible =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.kind === 'area' && node.status === 'covered'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
    if (node.kind === 'measure' && node.status === 'missing') {
      item.command = { command: 'planlint.coverageView.insert', title: vscode.l10n.t('Insert missing section'), arguments: [node, { confirm: true }] };
    } else if (node.reveal && (node.kind === 'measure' || node.kind === 'target' || node.kind === 'indicator')) {
      item.command = { command: 'planlint.coverageView.reveal', title: vscode.l10n.t('Go to evidence'), arguments: [node] };
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

export function createCoverageView(
  provider: CoverageTreeProvider,
  tracker: CoverageTracker,
  subscriptions: vscode.Disposable[],
): vscode.TreeView<CoverageNode> {
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (view: CoverageView | undefined) => {
    const doc = tracker.trackedDocument;
    const name = doc ? doc.uri.path.split('/').pop() : undefined;
    if (!view || !doc) {
      // No message: the contributed welcome content explains what to do.
      tree.description = undefined;
      tree.message = undefined;
    } else if (!view.isPlan) {
      tree.description = name;
      tree.message = vscode.l10n.t('{0} is not a plan draft: PlanLint checks Markdown files that name the Plan (减污降碳), have planlint front matter or match planlint.include.', name ?? '');
    } else {
      tree.description = `${percent(view.score)}% · ${name}`;
      tree.message = undefined;
    }
  };
  describe(tracker.current);
  subscriptions.push(
    tree,
    tracker.onDidChange(describe),
    tree.onDidChangeVisibility((e) => {
      if (e.visible) void tracker.refresh();
    }),
  );
  return tree;
}
