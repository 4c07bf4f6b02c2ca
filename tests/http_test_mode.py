"""Odoo 11 test mode, made to nest cursors as production does.

In an HttpCase Odoo 11 puts the registry in test mode: every
``registry.cursor()`` returns the one ``registry.test_cr``, a TestCursor whose
``commit()`` is ``RELEASE SAVEPOINT test_cursor; SAVEPOINT test_cursor`` and
whose ``close()`` rolls back to ``test_cursor``. Odoo's own code opens short
cursors inside a request: ``fields.Float.digits`` reads the decimal
precision through ``LazyCursor()`` (``with registry.cursor() as cr``) each
time a float is converted, and closes it. In production that is another
connection and leaves the request's transaction alone; in Odoo 11 test mode
it commits and rolls back the request's own cursor, which destroys every
savepoint made since ``test_cursor`` (``cr.savepoint()`` then fails with
"savepoint ... does not exist") and moves ``test_cursor`` forward (a request
that fails later is only partly rolled back).

``nested_test_cursors(case)`` gives, for the duration of ``case``, what Odoo
12 made the default: a ``registry.cursor()`` opened while the test cursor is
already in use by the same thread is a cursor of its own, simulated by a
savepoint of its own name; its commit, rollback and close touch only that
savepoint. The outermost cursor (a request's, or the test's between
requests) is still ``registry.test_cr`` as before. Nothing changes outside
test mode."""
import itertools

from odoo.modules.registry import Registry

_sequence = itertools.count()


class NestedTestCursor(object):
    """A cursor opened inside another one in test mode: a savepoint."""

    def __init__(self, cr):
        self._cr = cr
        self._savepoint = 'test_cursor_nested_%d' % next(_sequence)
        self._closed = False
        cr.execute('SAVEPOINT "%s"' % self._savepoint)

    def commit(self):
        self._cr.execute('RELEASE SAVEPOINT "%s"' % self._savepoint)
        self._cr.execute('SAVEPOINT "%s"' % self._savepoint)

    def rollback(self):
        self._cr.execute('ROLLBACK TO SAVEPOINT "%s"' % self._savepoint)
        self._cr.execute('SAVEPOINT "%s"' % self._savepoint)

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self._cr.execute('ROLLBACK TO SAVEPOINT "%s"' % self._savepoint)
            self._cr.execute('RELEASE SAVEPOINT "%s"' % self._savepoint)
        finally:
            self._cr.release()

    @property
    def closed(self):
        return self._closed or self._cr.closed

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            self.commit()
        self.close()

    def __getattr__(self, name):
        return getattr(self._cr, name)


def _cursor(self):
    cr = self.test_cr
    if cr is None:
        return _original_cursor(self)
    nested = cr._lock._is_owned()
    cr.acquire()
    return NestedTestCursor(cr) if nested else cr


_original_cursor = Registry.cursor


def nested_test_cursors(case):
    """Nest the test-mode cursors until ``case`` ends (call in setUp)."""
    Registry.cursor = _cursor
    case.addCleanup(setattr, Registry, 'cursor', _original_cursor)
