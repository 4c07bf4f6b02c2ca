from . import oldparts_approval_refuse
