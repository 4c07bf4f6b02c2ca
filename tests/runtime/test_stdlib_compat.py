"""Names Python 3.9-3.11 removed, restored by the layer for Odoo 11."""
import base64
import collections
import inspect
import resource
import threading

import yaml

import odoo
from odoo.tools.cache import ormcache


def test_collections_aliases():
    assert collections.Mapping is collections.abc.Mapping
    assert isinstance({}, collections.MutableMapping)


def test_getargspec_and_formatargspec():
    def f(self, a, b=2, *args, **kw):
        return a
    spec = inspect.getargspec(f)
    assert spec.args == ['self', 'a', 'b'] and spec.defaults == (2,)
    assert spec.varargs == 'args' and spec.keywords == 'kw'
    assert inspect.formatargspec(*spec) == '(self, a, b=2, *args, **kw)'


def test_ormcache_builds_its_key_function():
    """tools/cache.py evals a lambda whose signature formatargspec renders."""
    def method(self, a, b=1, *args, **kw):
        return a + b
    cache = ormcache('a', 'b')
    cache(method)
    assert cache.key(object(), 5) == (5, 1)
    assert cache.key(object(), 5, b=7) == (5, 7)


def test_base64_thread_yaml_resource():
    assert base64.decodestring(base64.encodestring(b'abc')) == b'abc'
    t = threading.Thread(target=lambda: None)
    assert t.isAlive() is False
    assert yaml.load("a: [1, 2]") == {'a': [1, 2]}
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (float(soft) if soft != resource.RLIM_INFINITY else soft, hard))


def test_odoo_version_is_11():
    assert odoo.release.version_info[:2] == (11, 0)
