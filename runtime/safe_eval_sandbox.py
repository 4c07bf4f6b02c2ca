"""safe_eval hardening: str.format and frame/code attributes.

Odoo 11's ``safe_eval`` refuses names containing ``__`` and a few frame
attributes in the *code* (``co_names``), but two holes remain:

1. ``str.format`` / ``str.format_map`` read attributes and items named in the
   *format string*, which is a constant (or data), never a name of the code:
   ``'{0.__self__.__loader__...__globals__[sys].modules[odoo.tools.config]
   .config.options[admin_passwd]}'.format(len)`` returns the master password
   with nothing but the sandbox's builtins. Any user who reaches safe_eval
   with an expression of his own (e.g. the mail composer's ``active_domain``
   in the context) reads the server configuration.
2. Generators, coroutines, async generators and tracebacks expose frames and
   code objects (``gi_frame``, ``gi_code``, ``cr_frame``, ``ag_code``,
   ``tb_frame``, ``f_back``, ``f_globals``, ...); Odoo 11 blocks only six of
   those names.

The fix, like Jinja2's sandbox for str.format:

* ``compile`` is shadowed in ``odoo.tools.safe_eval`` only (``test_expr``
  calls it for safe_eval, test_python_expr, const_eval and expr_eval). When
  the code names ``format`` or ``format_map`` (in any nested code object:
  ``co_names`` holds NFKC-normalised identifiers, so ``x.ｆｏｒｍａｔ`` is
  caught too), the source is compiled again from its AST with every load of
  the attribute ``X.format`` / ``X.format_map`` replaced by
  ``_safe_eval_format_attr(X, 'format')``. The opcode and name checks of
  ``test_expr`` then run on the rewritten code object, unchanged.
* ``_safe_eval_format_attr`` (a sandbox builtin) does the ordinary getattr,
  except that the format methods of strings come back as sandboxed
  callables: bound (``'{0}'.format``, also when reached through a proxy such
  as ``odoo.tools.func.lazy``), unbound (``str.format``, ``Markup.format``)
  and as values (``map(str.format, ...)``): the sandboxed code can never hold
  the real methods. Other objects' ``format`` attribute (a record field
  named ``format``) is returned unchanged.
* The sandboxed formatter is a ``string.Formatter`` whose ``get_field``
  refuses attribute names starting with ``_`` (private and dunder), the
  unsafe names below, ``mro`` of classes and any attribute of code, frame
  and traceback objects; item lookups (``{0[0]}``, ``{0[key]}``) are what
  the code itself may do with ``x[0]``. ``Markup`` strings keep their
  escaping (``markupsafe.EscapeFormatter``).
* The user's code may not name ``_safe_eval_format_attr`` itself (it could
  otherwise rebind it in exec mode): NameError at compile time.
* ``_UNSAFE_ATTRIBUTES`` (checked against every name of the code) gets the
  frame/code attributes of generators, coroutines, async generators,
  tracebacks, frames and Python 2 functions/methods.

Why not rewrite the bytecode or wrap the globals: str methods cannot be
patched, the globals never see an attribute load, and editing 3.11 bytecode
(inline caches, exception tables) is fragile; an AST rewrite is compiled and
checked by the same, unchanged, Odoo checks. Refusals in the format string
raise ``SandboxFormatError`` (a NameError, like the dunder check), which
safe_eval reports as ValueError; messages never include the values.

Not changed: what the code may access by attribute (``record._context`` is
still allowed in code; only ``__`` names and the unsafe names are refused),
%-formatting (``'%(a)s' % d`` only looks items up), f-strings (their
attribute accesses are ordinary names of the code, checked as such) and QWeb
templates (trusted code, compiled by ir_qweb with its own builtins; they do
get the longer unsafe-name list through ``assert_valid_codeobj``).

Known and not closed here: modules that Odoo itself puts in an evaluation
context expose their imports as plain attributes (server actions get
``datetime``, and ``datetime.sys.modules`` reaches any module). Only
administrators write such code in Odoo 11 (server actions, automated
actions, record rules); later Odoo versions wrap those modules
(``wrap_module``).
"""
import ast
import builtins
import string
import types

try:  # the private helper string.Formatter itself uses
    from _string import formatter_field_name_split
except ImportError:  # pragma: no cover
    formatter_field_name_split = None

FORMAT_METHODS = ('format', 'format_map')
FORMAT_HELPER = '_safe_eval_format_attr'

# Frame and code attributes, checked against every name of the code (Odoo's
# assert_no_dunder_name) and against attribute names in format strings.
UNSAFE_ATTRIBUTES = [
    # Odoo 11's own list
    'f_builtins', 'f_globals', 'f_locals', 'gi_frame', 'co_code', 'func_globals',
    # frames
    'f_back', 'f_code', 'f_trace',
    # generators, coroutines, async generators
    'gi_code', 'gi_yieldfrom', 'cr_frame', 'cr_code', 'cr_await', 'cr_origin',
    'ag_frame', 'ag_code', 'ag_await',
    # tracebacks
    'tb_frame', 'tb_next',
    # Python 2 names of function/method internals (Jinja2's lists)
    'func_code', 'func_closure', 'func_dict', 'func_defaults',
    'im_class', 'im_func', 'im_self',
]
_UNSAFE_NAMES = frozenset(UNSAFE_ATTRIBUTES)
_INTERNAL_TYPES = (types.CodeType, types.FrameType, types.TracebackType)


class SandboxFormatError(NameError):
    """A format string named an attribute the sandbox refuses."""


def _check_format_attribute(obj, name):
    if name.startswith('_') or name in _UNSAFE_NAMES \
            or isinstance(obj, _INTERNAL_TYPES) \
            or (isinstance(obj, type) and name == 'mro'):
        # type and attribute name only: never the value
        raise SandboxFormatError('Access to forbidden attribute %r of a %r object '
                                 'in a format string' % (name, type(obj).__name__))


class SandboxFormatter(string.Formatter):
    """str.format semantics, with attribute lookups checked."""

    def get_field(self, field_name, args, kwargs):
        first, rest = formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                _check_format_attribute(obj, key)
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first


try:
    from markupsafe import EscapeFormatter, Markup
except ImportError:  # pragma: no cover
    EscapeFormatter = Markup = None
    SandboxEscapeFormatter = None
else:
    class SandboxEscapeFormatter(SandboxFormatter, EscapeFormatter):
        """Markup.format semantics (arguments escaped), attributes checked."""


def format_string(value, method, args, kwargs, markup=None):
    """``value.format(*args, **kwargs)`` or ``value.format_map(*args)``,
    through the sandboxed formatter."""
    if method == 'format_map':
        if len(args) != 1 or kwargs:
            raise TypeError('format_map() takes exactly one argument (%d given)'
                            % (len(args) + len(kwargs)))
        args, kwargs = (), args[0]
    if markup is None:
        markup = Markup is not None and isinstance(value, Markup)
    if markup:
        return type(value)(SandboxEscapeFormatter(value.escape).vformat(value, args, kwargs))
    return SandboxFormatter().vformat(value, args, kwargs)


class SandboxedFormatMethod(object):
    """``'...'.format`` inside safe_eval."""
    __slots__ = ('_value', '_method')

    def __init__(self, value, method):
        self._value = value
        self._method = method

    def __call__(self, *args, **kwargs):
        return format_string(self._value, self._method, args, kwargs)

    def __repr__(self):
        return '<sandboxed %s method of a %s object>' % (self._method, type(self._value).__name__)


class SandboxedFormatFunction(object):
    """``str.format`` / ``Markup.format`` (unbound) inside safe_eval."""
    __slots__ = ('_cls', '_method')

    def __init__(self, cls, method):
        self._cls = cls
        self._method = method

    def __call__(self, *args, **kwargs):
        if not args or not isinstance(args[0], self._cls):
            raise TypeError("descriptor %r for %r objects needs a %r argument"
                            % (self._method, self._cls.__name__, self._cls.__name__))
        markup = Markup is not None and issubclass(self._cls, Markup)
        return format_string(args[0], self._method, args[1:], kwargs, markup=markup)

    def __repr__(self):
        return '<sandboxed %s function of %s>' % (self._method, self._cls.__name__)


def _bound_format_string(value):
    """The string of a bound format/format_map method, else None."""
    if isinstance(value, (types.BuiltinMethodType, types.MethodType)) \
            and getattr(value, '__name__', None) in FORMAT_METHODS:
        owner = getattr(value, '__self__', None)
        if isinstance(owner, str):
            return owner
    return None


def _unbound_format_class(value):
    """The str class of an unbound format/format_map function, else None
    (``str.format`` kept as another class's attribute, for instance)."""
    for cls in (str, Markup):
        if cls is not None:
            for method in FORMAT_METHODS:
                if value is cls.__dict__.get(method):
                    return cls
    return None


def format_attr(obj, name):
    """``obj.<name>`` for name in FORMAT_METHODS, inside safe_eval."""
    if name not in FORMAT_METHODS:  # only ever called with a constant
        raise SandboxFormatError('Access to forbidden name %r' % name)
    value = getattr(obj, name)
    if isinstance(obj, type) and issubclass(obj, str):
        return SandboxedFormatFunction(obj, name)
    owner = _bound_format_string(value)
    if owner is not None:
        return SandboxedFormatMethod(owner, name)
    cls = _unbound_format_class(value)
    if cls is not None:
        return SandboxedFormatFunction(cls, value.__name__)
    return value


# --- compile-time rewrite ---------------------------------------------------
class _FormatAttributeRewriter(ast.NodeTransformer):
    def visit_Attribute(self, node):
        self.generic_visit(node)
        if node.attr in FORMAT_METHODS and isinstance(node.ctx, ast.Load):
            call = ast.Call(func=ast.Name(id=FORMAT_HELPER, ctx=ast.Load()),
                            args=[node.value, ast.Constant(node.attr)], keywords=[])
            return ast.copy_location(call, node)
        return node


def _code_names(code):
    names = set(code.co_names) | set(code.co_varnames) \
        | set(code.co_cellvars) | set(code.co_freevars)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def sandbox_compile(source, filename, mode, *args, **kwargs):
    """``compile`` for odoo.tools.safe_eval.test_expr (see module doc)."""
    code = builtins.compile(source, filename, mode, *args, **kwargs)
    if isinstance(source, ast.AST) or args or kwargs:
        return code  # not test_expr's call: leave it alone
    names = _code_names(code)
    if FORMAT_HELPER in names:
        raise NameError('Access to forbidden name %r (%r)' % (FORMAT_HELPER, source))
    if names.isdisjoint(FORMAT_METHODS):
        return code
    tree = _FormatAttributeRewriter().visit(ast.parse(source, filename, mode))
    ast.fix_missing_locations(tree)
    return builtins.compile(tree, filename, mode)


def patch_safe_eval(module):
    """Applies the hardening to odoo.tools.safe_eval (idempotent)."""
    if getattr(module, '_odoo11_sandbox', False):
        return
    module._odoo11_sandbox = True
    # in place: assert_no_dunder_name reads the module's list at each call
    module._UNSAFE_ATTRIBUTES.extend(
        name for name in UNSAFE_ATTRIBUTES if name not in module._UNSAFE_ATTRIBUTES)
    # test_expr is the only caller of compile() in that module
    module.compile = sandbox_compile
    # in place: ir_qweb imports _BUILTINS by name
    module._BUILTINS[FORMAT_HELPER] = format_attr
