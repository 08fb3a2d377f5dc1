// Fails when a screen (src/ui, src/charts, src/map) shows English written into the code instead of taken from the catalogues
// (src/ui/i18n/locales): JSX text, string literals placed as JSX children, and string literals in the
// attributes a reader sees or hears (title, aria-label, placeholder, alt, label, and a few props of our own
// components that end up on screen). Text passed through t(...) or any other call is not looked at.
// Parses with the TypeScript compiler API (typescript/unstable/sync, which drives the compiler binary).
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SyntaxKind } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

/** Attributes whose text a reader sees or a screen reader speaks, on any element. */
export const VISIBLE_ATTRIBUTES = [
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'description', // text alternatives and captions passed to our chart components
  'caption',
];

/** Props of our own components that are shown as text. */
export const COMPONENT_ATTRIBUTES = { PanelBoundary: ['name'] };

/**
 * Deliberate exceptions: text that is the same in every language. Keep this short and say why.
 */
export const ALLOWED = new Set([
  'CVI Atlas', // the product's name
  'km', // unit symbol
  'English', // each language is named in itself in the language switch
  'Español',
  'Gi*', // statistic's name (Getis–Ord Gi*)
  'WDD', // name of a published estimator, shown next to its translated description
  'ITS',
  'DiD',
  'p',
  'q',
  'K', // number of sites in the planner, a symbol in both languages
  'k', // symbols and units next to a number or a control
  'm',
  's',
  'i', // the "information" mark of a guardrail
  'z =',
  'SVG', // file formats on export buttons
  'PNG',
  'https://…/archive/', // example addresses in text fields
  'https://…/style.json',
]);

const HAS_LETTER = /\p{L}/u;

function visibleText(text) {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return HAS_LETTER.test(trimmed) && !ALLOWED.has(trimmed) ? trimmed : undefined;
}

// Literal text an expression evaluates to without a call: literals, templates, both branches of a
// conditional, the right side of && || ??, and both sides of +.
function literalTexts(node) {
  switch (node.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return [node.text];
    case SyntaxKind.TemplateExpression:
      return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].filter((s) =>
        HAS_LETTER.test(s),
      );
    case SyntaxKind.ParenthesizedExpression:
      return literalTexts(node.expression);
    case SyntaxKind.ConditionalExpression:
      return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
    case SyntaxKind.BinaryExpression: {
      const op = node.operatorToken.kind;
      if (op === SyntaxKind.PlusToken) return [...literalTexts(node.left), ...literalTexts(node.right)];
      if (
        op === SyntaxKind.AmpersandAmpersandToken ||
        op === SyntaxKind.BarBarToken ||
        op === SyntaxKind.QuestionQuestionToken
      )
        return literalTexts(node.right);
      return [];
    }
    default:
      return [];
  }
}

function tagName(node) {
  const element = node.parent?.parent; // JsxAttribute -> JsxAttributes -> opening/self-closing element
  const name = element?.tagName;
  return name && name.kind === SyntaxKind.Identifier ? name.text : undefined;
}

function attributeName(node) {
  const name = node.name;
  if (name.kind === SyntaxKind.Identifier) return name.text;
  if (name.kind === SyntaxKind.JsxNamespacedName) return `${name.namespace.text}:${name.name.text}`;
  return undefined;
}

/** The untranslated texts of one parsed source file: `{ line, text }` with 1-based lines. */
export function untranslatedInSource(sourceFile) {
  const found = [];
  const report = (node, text) => {
    const shown = visibleText(text);
    if (!shown) return;
    const start = node.getStart(sourceFile);
    const line = sourceFile.text.slice(0, start).split('\n').length;
    found.push({ line, text: shown });
  };
  const visit = (node) => {
    if (node.kind === SyntaxKind.JsxText) {
      report(node, node.text);
    } else if (
      node.kind === SyntaxKind.JsxExpression &&
      node.expression &&
      node.parent &&
      (node.parent.kind === SyntaxKind.JsxElement || node.parent.kind === SyntaxKind.JsxFragment)
    ) {
      for (const text of literalTexts(node.expression)) report(node, text);
    } else if (node.kind === SyntaxKind.JsxAttribute && node.initializer) {
      const name = attributeName(node);
      const component = tagName(node);
      const watched =
        VISIBLE_ATTRIBUTES.includes(name) || (COMPONENT_ATTRIBUTES[component] ?? []).includes(name);
      if (watched) {
        const value = node.initializer;
        if (value.kind === SyntaxKind.StringLiteral) report(value, value.text);
        else if (value.kind === SyntaxKind.JsxExpression && value.expression)
          for (const text of literalTexts(value.expression)) report(value, text);
      }
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

/** Every `.tsx` file under `dir`. */
export function tsxFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

/** Parses `files` with the TypeScript compiler and returns their untranslated texts. */
export function untranslatedText(files, cwd = process.cwd()) {
  const api = new API({ cwd });
  try {
    const paths = files.map((f) => resolve(cwd, f));
    const snapshot = api.updateSnapshot({ openFiles: paths });
    const found = [];
    for (const path of paths) {
      const project = snapshot.getDefaultProjectForFile(path);
      const sourceFile = project?.program.getSourceFile(path);
      if (!sourceFile) throw new Error(`could not parse ${path}`);
      for (const hit of untranslatedInSource(sourceFile)) found.push({ file: relative(cwd, path), ...hit });
    }
    return found;
  } finally {
    api.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = untranslatedText(['src/ui', 'src/charts', 'src/map'].flatMap(tsxFiles));
  if (found.length > 0) {
    console.error(
      `Text shown in English only (put it in src/ui/i18n/locales and use t(...)):\n${found
        .map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)
        .join('\n')}`,
    );
    process.exit(1);
  }
}
