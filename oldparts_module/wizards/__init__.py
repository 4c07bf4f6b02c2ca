from . import oldparts_approval_refuse
from . import portal_wizard
