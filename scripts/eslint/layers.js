// Local ESLint rules for the inner layers (ARCHITECTURE.md "Services are folders"):
// - desk/service-imports: a file of src/services/<provider>/<service>/ imports only its own folder,
//   src/kit, src/catalog, zod, node: built-ins and its own SDK packages (@aws-sdk/client-* or
//   @azure/arm-*; several clients of one provider when its operations name them, as the AWS
//   inventory reads Resource Explorer, AWS Config and the tagging API).
//   Test files may also import test/support.
// - desk/layer-imports: src/kit knows no service and sits below assess/api/report/cli; src/cloud and
//   src/rules do not import src/assess.
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const rel = (file) => relative(root, file).split(sep).join('/');

function serviceFolderOf(file) {
  const match = /^src\/services\/(aws|azure)\/([^/]+)\//.exec(rel(file));
  return match ? `src/services/${match[1]}/${match[2]}/` : null;
}

const serviceImports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A service module imports only the kit, the catalog, zod and its own SDK packages.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const folder = serviceFolderOf(file);
    if (!folder) return {};
    const isTest = /\.test\.ts$/.test(file);
    const sdks = new Set();
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string') return;
        if (source.startsWith('.')) {
          const target = rel(resolve(dirname(file), source));
          const ok =
            target.startsWith(folder) ||
            target === folder.slice(0, -1) ||
            target === 'src/kit' ||
            target.startsWith('src/kit/') ||
            target.startsWith('src/catalog/') ||
            (isTest && target.startsWith('test/support/'));
          if (!ok)
            context.report({
              node,
              message: `A service imports only its own folder, src/kit, src/catalog, zod and its SDK package, not ${target}.`,
            });
          return;
        }
        if (source === 'zod' || source.startsWith('node:') || (isTest && source === 'vitest')) return;
        if (/^@aws-sdk\/client-[a-z0-9-]+$/.test(source) || /^@azure\/arm-[a-z0-9-]+$/.test(source)) {
          // Several clients of one provider (each operation names its client); never both providers.
          sdks.add(source.startsWith('@aws-sdk/') ? 'aws' : 'azure');
          if (sdks.size > 1)
            context.report({
              node,
              message: `A service uses the SDK packages of one provider; this file imports both AWS and Azure packages.`,
            });
          return;
        }
        context.report({ node, message: `A service may not import the package ${source}.` });
      },
    };
  },
};

const forbidden = [
  {
    from: /^src\/kit\//,
    to: /^src\/(services|assess|api|report|cli|triage|workspace)(\/|$)/,
    why: 'src/kit knows no service and sits below assess, api, report and cli',
  },
  {
    from: /^src\/(cloud|rules)\//,
    to: /^src\/assess(\/|$)/,
    why: 'src/cloud and src/rules sit below src/assess',
  },
];

const layerImports = {
  meta: { type: 'problem', docs: { description: 'Inner layers do not import outer ones.' }, schema: [] },
  create(context) {
    const from = rel(context.filename);
    const rules = forbidden.filter((rule) => rule.from.test(from));
    if (rules.length === 0) return {};
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const target = rel(resolve(dirname(context.filename), source));
        for (const rule of rules)
          if (rule.to.test(target))
            context.report({ node, message: `${from} may not import ${target}: ${rule.why}.` });
      },
    };
  },
};

export const deskPlugin = { rules: { 'service-imports': serviceImports, 'layer-imports': layerImports } };
