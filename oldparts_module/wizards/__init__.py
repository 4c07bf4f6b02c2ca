from . import oldparts_approval_refuse
from . import oldparts_settlement_generate
from . import oldparts_settlement_dispute
from . import oldparts_progress_report_wizard
from . import portal_wizard
