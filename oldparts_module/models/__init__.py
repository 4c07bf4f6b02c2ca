from . import res_company
from . import res_partner
from . import res_users
from . import oldparts_responsibility_rule
from . import oldparts_part
from . import oldparts_approval_tier
from . import oldparts_approval_mixin
