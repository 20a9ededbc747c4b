//! The simulation: one company's support operation, month by month, along three paths.
//!
//! The **scenario** cuts staff and hands contacts to an AI; the **baseline** keeps everyone and
//! uses no AI; **augment** keeps everyone, lets AI assist agents and lets attrition shrink the
//! team to what it now needs. All three run through the same step function with mechanisms
//! switched on or off, so "nothing changed" gives exactly the baseline, bit for bit.
//!
//! The model is pure: it takes validated [`Params`] and returns an [`Outcome`]. It never sees
//! serde, the DOM, a clock or a random source. docs/MODEL.md explains every equation below in
//! plain words with its sources; the comments here name the mechanism and the depth level.

use crate::params::{depth, Params};

/// Loaded cost divided by wage: benefits are 29.8% of compensation (BLS ECEC, source C7), so
/// severance, which is paid on wages, is the loaded cost divided by this.
pub const WAGE_TO_LOADED_COST: f64 = 1.42;
/// Weeks in a month, to turn weeks of severance into months of pay.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;
/// Average productivity of a rookie while ramping (month-1 efficiency ~53%, first-year
/// average ~67%: sources C12, C13).
pub const ROOKIE_PRODUCTIVITY: f64 = 0.65;
/// Months over which the survivors' extra quitting fades (Trevor & Nyberg 2008 measure the
/// first year; the fade shape is an assumption).
pub const SURVIVOR_BOOST_FADE_MONTHS: f64 = 12.0;
/// Months over which a team relearns know-how that left with laid-off staff (assumption).
pub const RELEARN_MONTHS: f64 = 12.0;

/// Which of the three paths a run follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Cut staff, hand contacts to AI, maybe hire back.
    Scenario,
    /// Keep everyone, no AI: the reference every difference is measured against.
    Baseline,
    /// Keep everyone, AI assists agents, attrition shrinks the team to what it needs.
    Augment,
}

/// Everything one path did in one month. Stocks are at the start of the month (after that
/// month's cut or rehire decision); flows and money are for the whole month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Month {
    /// Fully productive agents.
    pub experienced: f64,
    /// Trained agents still ramping up.
    pub rookies: f64,
    /// New hires in paid training, handling no contacts.
    pub trainees: f64,
    /// Open positions not yet filled.
    pub vacancies: f64,
    /// People on the support payroll: experienced + rookies + trainees.
    pub headcount: f64,
    /// Of the headcount, people hired under the rehire decision (paid the rehire pay factor).
    pub rehired: f64,
    /// Paying customers.
    pub customers: f64,
    /// All customer contacts this month, including repeats of silent AI failures.
    pub contacts: f64,
    /// Share of contacts the AI took first.
    pub ai_share: f64,
    /// Contacts the AI took first.
    pub ai_contacts: f64,
    /// The human work the AI took over this month, in full-speed agents: its contacts less the
    /// extra human work of those it escalated, over contacts per agent at the start. Negative
    /// where escalations take more human time than the AI saves.
    pub ai_agent_equivalent: f64,
    /// Contacts people handled or should have: those the AI never took plus its escalations.
    pub human_contacts: f64,
    /// Share of the contacts the AI took first that went badly (resolved ones that still left
    /// the customer unhappy, silent failures, and escalations that went badly).
    pub ai_bad_share: f64,
    /// Share of the contacts people should have handled that went badly (unserved included).
    pub human_bad_share: f64,
    /// Share of all contacts that went badly (the actual service quality).
    pub bad_contact_share: f64,
    /// Bad-contact share as customers and managers perceive it, smoothed over the delay.
    pub perceived_bad_contact_share: f64,
    /// Human workload divided by human capacity (1 = exactly busy).
    pub work_pressure: f64,
    /// Share of the contacts that needed a human that no human could take.
    pub unserved_share: f64,
    /// The team's standard time per contact relative to before (1 = unchanged).
    pub quality_standard: f64,
    /// People hired this month.
    pub hires: f64,
    /// People who quit this month.
    pub quits: f64,
    /// Revenue times contribution margin, USD.
    pub contribution_usd: f64,
    /// Payroll of the support team, USD.
    pub wages_usd: f64,
    /// Severance paid, USD.
    pub severance_usd: f64,
    /// AI bill (build cost, fixed cost, per-conversation price, assistant seats), USD.
    pub ai_usd: f64,
    /// Of the AI bill, the one-off build cost (month 0 only), USD.
    pub ai_setup_usd: f64,
    /// Recruiting cost of this month's hires, USD.
    pub hiring_usd: f64,
    /// Contribution minus every support cost, USD.
    pub profit_usd: f64,
}

/// The headline numbers of a run. Months are 1-based, as the series' `month` counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Net present value of the scenario minus the baseline, USD.
    pub npv_usd: f64,
    /// Net present value of the scenario minus the augment path, USD.
    pub npv_vs_augment_usd: f64,
    /// Net present value of the augment path minus the baseline, USD.
    pub augment_npv_usd: f64,
    /// First month the cumulative difference is positive.
    pub payback_month: Option<u32>,
    /// Month of the largest positive cumulative difference.
    pub peak_month: Option<u32>,
    /// Cumulative difference at the peak, USD (0 where there is no peak).
    pub peak_savings_usd: f64,
    /// After the peak, the first month the cumulative difference is negative.
    pub regret_month: Option<u32>,
    /// Month the rehire decision takes effect.
    pub rehire_start_month: Option<u32>,
    /// The extra yearly customer churn that would wipe out the ledger savings.
    pub break_even_extra_churn_per_year: f64,
    /// Cumulative difference from launch to twelve months after the cut (or the horizon), USD.
    pub first_year_delta_usd: f64,
    /// Cumulative difference at the end of the horizon, USD.
    pub final_cumulative_delta_usd: f64,
    /// Cumulative scenario-minus-augment difference at the end of the horizon, USD.
    pub final_cumulative_delta_vs_augment_usd: f64,
    /// People laid off in the cut.
    pub laid_off: f64,
    /// People hired under the rehire decision over the horizon.
    pub rehired_hires: f64,
    /// Recruiting cost of those rehires plus their pay above the old pay (negative where
    /// rehires are paid less and that outweighs recruiting), USD.
    pub rehire_cost_usd: f64,
    /// Baseline customers minus scenario customers at the end of the horizon.
    pub customers_lost: f64,
    /// Worst monthly bad-contact share in the scenario.
    pub peak_bad_contact_share: f64,
    /// Human agents whose work the AI took over, net of escalations, once fully ramped.
    pub ai_agent_equivalent: f64,
    /// Change in support cost per contact (wages + AI) once the AI is fully ramped, as a
    /// fraction of the baseline's (negative = cheaper).
    pub cost_per_contact_change: f64,
    /// Support cost (wages + AI) saved in the first full year after the cut, USD per year.
    pub support_cost_saved_per_year_usd: f64,
    /// Headcount at the end of the horizon.
    pub final_headcount: f64,
}

/// A whole run: the three paths side by side, month by month, and the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The scenario, one entry per month.
    pub scenario: Vec<Month>,
    /// The baseline.
    pub baseline: Vec<Month>,
    /// The augment path.
    pub augment: Vec<Month>,
    /// Scenario minus baseline, cumulative, USD, one entry per month.
    pub cumulative_delta_usd: Vec<f64>,
    /// Scenario minus augment, cumulative, USD.
    pub cumulative_delta_vs_augment_usd: Vec<f64>,
    /// The headline numbers.
    pub summary: Summary,
}

impl Outcome {
    /// Scenario minus baseline in month `index` (0-based), USD.
    pub fn monthly_delta_usd(&self, index: usize) -> f64 {
        self.scenario[index].profit_usd - self.baseline[index].profit_usd
    }

    /// Margin lost with customers who left (baseline minus scenario contribution), USD.
    pub fn lost_margin_usd(&self, index: usize) -> f64 {
        self.scenario[index].lost_margin_usd(&self.baseline[index])
    }

    /// The scenario's costs in month `index` (0-based) by category, USD.
    pub fn cost_layers_usd(&self, index: usize) -> CostLayers {
        self.scenario[index].cost_layers_usd(&self.baseline[index])
    }
}

/// One month's costs by category, USD, in the order the costs chart stacks them (bottom
/// first). Support costs split the payroll into the people who work contacts and those in
/// training; the margin lost with departed customers is measured against the baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostLayers {
    /// Pay of experienced agents and rookies.
    pub wages_usd: f64,
    /// Recruiting plus the pay of trainees.
    pub hiring_training_usd: f64,
    /// The AI bill.
    pub ai_usd: f64,
    /// Margin lost with customers who left (never below zero: a gain is not a cost).
    pub lost_margin_usd: f64,
    /// Severance.
    pub severance_usd: f64,
}

impl CostLayers {
    /// The categories in stacking order.
    pub fn layers(&self) -> [f64; 5] {
        [
            self.wages_usd,
            self.hiring_training_usd,
            self.ai_usd,
            self.lost_margin_usd,
            self.severance_usd,
        ]
    }

    /// All categories together (none counted below zero), USD.
    pub fn total_usd(&self) -> f64 {
        self.layers().iter().map(|v| v.max(0.0)).sum()
    }
}

impl Month {
    /// Trainees' share of the headcount, 0 to 1: the model pays a trainee what any member of
    /// the team costs, so this is also their share of the payroll.
    pub fn trainee_share(&self) -> f64 {
        if self.headcount > 0.0 {
            (self.trainees / self.headcount).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Pay of the people who work contacts (experienced agents and rookies), USD.
    pub fn working_wages_usd(&self) -> f64 {
        self.wages_usd * (1.0 - self.trainee_share())
    }

    /// Recruiting plus the pay of trainees, USD.
    pub fn hiring_training_usd(&self) -> f64 {
        self.hiring_usd + self.wages_usd * self.trainee_share()
    }

    /// Every support cost of the month (wages, severance, AI, hiring), USD: what profit
    /// subtracts from contribution.
    pub fn support_cost_usd(&self) -> f64 {
        self.wages_usd + self.severance_usd + self.ai_usd + self.hiring_usd
    }

    /// Margin lost with customers who left, against the same month of `baseline` (negative
    /// where this path keeps more customers), USD.
    pub fn lost_margin_usd(&self, baseline: &Month) -> f64 {
        baseline.contribution_usd - self.contribution_usd
    }

    /// This month's costs by category, the margin lost measured against the same month of
    /// `baseline`, USD.
    pub fn cost_layers_usd(&self, baseline: &Month) -> CostLayers {
        CostLayers {
            wages_usd: self.working_wages_usd(),
            hiring_training_usd: self.hiring_training_usd(),
            ai_usd: self.ai_usd,
            lost_margin_usd: self.lost_margin_usd(baseline).max(0.0),
            severance_usd: self.severance_usd,
        }
    }
}

/// Quantities shared by the three paths: the starting steady state every path begins in.
#[derive(Debug, Clone, Copy)]
struct Calibration {
    /// Monthly fraction of each stock that quits in normal times.
    quit_fraction: f64,
    /// Monthly fraction of open vacancies filled.
    fill_fraction: f64,
    /// Monthly fraction of trainees who finish training.
    train_fraction: f64,
    /// Monthly fraction of rookies who reach full speed.
    ramp_fraction: f64,
    experienced0: f64,
    rookies0: f64,
    trainees0: f64,
    vacancies0: f64,
    /// Positions (people + vacancies) before any cut.
    positions0: f64,
    /// Effective full-speed agents at the start.
    effective_fte0: f64,
    /// Contacts at the start (no repeats).
    contacts0: f64,
    /// Bad-contact share at the start: humans at normal pace.
    bad_share0: f64,
    /// Monthly quit hazard in normal times (attrition per year / 12).
    quit_hazard: f64,
    /// Monthly fraction of the gap between actual and perceived quality that is perceived.
    perception_fraction: f64,
    /// Share of the gap between standard and rushed time left after a month of erosion.
    erosion_keep: f64,
    /// `exp(-contacts per customer x bad share at the start)`: the churn formula's reference.
    churn_reference: f64,
    /// Monthly growth factor of the AI price.
    price_step: f64,
    /// Monthly fade of lost know-how.
    relearn_step: f64,
    /// Monthly fade of the survivors' extra quitting.
    boost_fade_step: f64,
    /// Share of the gap between the eroded and the old standard closed in a month of
    /// recovery after the company corrects course.
    recovery_fraction: f64,
    /// The bad-contact share managers expect once the AI runs at its target share and
    /// everyone works at the normal pace, or the share before launch if that is higher: the
    /// reference the rehire trigger compares perceived quality with.
    expected_bad_share: f64,
    /// True where the AI's contacts go badly more often than people's at the normal pace, so
    /// that handing contacts back to people improves service.
    hand_back_helps: bool,
    /// Monthly discount factor.
    discount_step: f64,
}

/// The fraction of a stock that leaves in one month when its average stay is `months`: the
/// exact solution of a first-order delay over one month, always inside 0..1.
fn monthly_fraction(rate_per_month: f64) -> f64 {
    1.0 - (-rate_per_month).exp()
}

/// The bad-contact share of a month in which the AI takes `ai_share` of the contacts and every
/// human works at the normal pace with no one left unserved: the mix's own known effect on
/// quality, before any overload. Repeats of silent failures are handled in the same mix, so
/// the share does not depend on how many contacts there are. Below depth 2 quality is fixed.
pub fn expected_bad_share(p: &Params, ai_share: f64) -> f64 {
    if depth(p) < 2 {
        return p.bad_contact_chance_human;
    }
    let resolved = p.ai_resolution_rate;
    let silent = p.ai_silent_failure_share;
    (1.0 - ai_share) * p.bad_contact_chance_human
        + ai_share
            * (resolved * ((1.0 - silent) * p.bad_contact_chance_ai + silent)
                + (1.0 - resolved) * p.bad_contact_chance_escalated)
}

impl Calibration {
    fn new(p: &Params) -> Self {
        let level = depth(p);
        let contacts0 = p.customers_before * p.contacts_per_customer_per_month;
        let n0 = p.headcount_before;
        // Per-month factors, computed once: the step function then needs few exponentials.
        let factors = Calibration {
            quit_fraction: 0.0,
            fill_fraction: 0.0,
            train_fraction: 0.0,
            ramp_fraction: 0.0,
            experienced0: n0,
            rookies0: 0.0,
            trainees0: 0.0,
            vacancies0: 0.0,
            positions0: n0,
            effective_fte0: n0,
            contacts0,
            bad_share0: p.bad_contact_chance_human,
            quit_hazard: 0.0,
            perception_fraction: monthly_fraction(1.0 / p.perception_delay_months),
            erosion_keep: (-1.0 / p.standard_erosion_months).exp(),
            churn_reference: (-p.contacts_per_customer_per_month * p.bad_contact_chance_human)
                .exp(),
            price_step: (1.0 + p.ai_price_growth_per_year).powf(1.0 / 12.0),
            relearn_step: (-1.0 / RELEARN_MONTHS).exp(),
            boost_fade_step: (-1.0 / SURVIVOR_BOOST_FADE_MONTHS).exp(),
            recovery_fraction: monthly_fraction(1.0 / p.standard_recovery_months),
            expected_bad_share: expected_bad_share(p, p.ai_share).max(p.bad_contact_chance_human),
            hand_back_helps: expected_bad_share(p, 1.0) > p.bad_contact_chance_human,
            discount_step: (1.0 + p.discount_rate_per_year).powf(-1.0 / 12.0),
        };
        if level < 3 {
            // Below depth 3 the workforce is a fixed number of experienced agents.
            return factors;
        }
        let quit_hazard = p.attrition_per_year / 12.0;
        let quit = monthly_fraction(quit_hazard);
        let fill = monthly_fraction(1.0 / p.time_to_fill_months);
        let train = monthly_fraction(1.0 / p.training_months);
        let ramp = monthly_fraction(1.0 / p.ramp_months);
        // Steady state of the discrete pipeline: each month quits are replaced by hires, and
        // every stock's inflow equals its outflow (see docs/MODEL.md, "The starting steady state").
        let hires = quit * n0;
        let trainees0 = hires / (1.0 - (1.0 - quit) * (1.0 - train));
        let rookies0 = train * (1.0 - quit) * trainees0 / (1.0 - (1.0 - quit) * (1.0 - ramp));
        let experienced0 = n0 - trainees0 - rookies0;
        let vacancies0 = hires / fill;
        Calibration {
            quit_fraction: quit,
            fill_fraction: fill,
            train_fraction: train,
            ramp_fraction: ramp,
            experienced0,
            rookies0,
            trainees0,
            vacancies0,
            positions0: n0 + vacancies0,
            effective_fte0: experienced0 + ROOKIE_PRODUCTIVITY * rookies0,
            quit_hazard,
            ..factors
        }
    }
}

/// The stocks a month starts with, kept for its report while the step updates them.
struct StartOfMonth {
    experienced: f64,
    rookies: f64,
    trainees: f64,
    vacancies: f64,
    customers: f64,
    perceived_bad: f64,
}

/// The state of one path between months.
struct PathRun<'a> {
    p: &'a Params,
    cal: Calibration,
    path: Path,
    level: u8,
    cut_month: usize,
    experienced: f64,
    rookies: f64,
    trainees: f64,
    vacancies: f64,
    rehired: f64,
    /// Rehire positions opened and not yet filled.
    rehire_open: f64,
    /// Positions the company wants filled.
    target_positions: f64,
    customers: f64,
    perceived_bad: f64,
    standard: f64,
    /// Contacts coming back next month from silent AI failures.
    repeats_next: f64,
    laid_off: f64,
    rehire_month: Option<usize>,
    /// Positions reopened when the company corrected course (0 before, or if it never does).
    rehire_positions: f64,
    /// Share of the AI's contacts handed back to people so far.
    handed_back: f64,
    /// People hired back by the end of each month, from the correction on (index = month).
    rehire_hires_by_month: Vec<f64>,
    rehire_hires_total: f64,
    rehire_cost_usd: f64,
    /// AI price relative to launch: grows by `price_step` each month.
    price_factor: f64,
    /// What remains of an effect that fades after the cut: `exp(-months since cut / 12)`,
    /// kept as a running product (one for lost know-how, one for survivors' quits).
    relearn_fade: f64,
    boost_fade: f64,
}

impl<'a> PathRun<'a> {
    fn new(p: &'a Params, cal: Calibration, path: Path) -> Self {
        PathRun {
            p,
            cal,
            path,
            level: depth(p),
            cut_month: p.layoff_month as usize,
            experienced: cal.experienced0,
            rookies: cal.rookies0,
            trainees: cal.trainees0,
            vacancies: cal.vacancies0,
            rehired: 0.0,
            rehire_open: 0.0,
            target_positions: cal.positions0,
            customers: p.customers_before,
            perceived_bad: cal.bad_share0,
            standard: 1.0,
            repeats_next: 0.0,
            laid_off: 0.0,
            rehire_month: None,
            rehire_positions: 0.0,
            handed_back: 0.0,
            rehire_hires_by_month: Vec::with_capacity(if path == Path::Scenario {
                p.horizon_months as usize
            } else {
                0
            }),
            rehire_hires_total: 0.0,
            rehire_cost_usd: 0.0,
            price_factor: 1.0,
            relearn_fade: 1.0,
            boost_fade: 1.0,
        }
    }

    fn headcount(&self) -> f64 {
        self.experienced + self.rookies + self.trainees
    }

    /// The AI's share of contacts in month `t` on this path (scenario only; launch is month 0),
    /// less what a course correction has handed back to people.
    fn ai_share(&self, t: usize) -> f64 {
        if self.path != Path::Scenario {
            return 0.0;
        }
        let months_in = (t + 1) as f64;
        let ramp = if self.p.ai_ramp_months <= 0.0 {
            1.0
        } else {
            (months_in / self.p.ai_ramp_months).min(1.0)
        };
        self.p.ai_share * ramp * (1.0 - self.handed_back)
    }

    /// After a course correction, hands contacts back from the AI at the start of a month, in
    /// step with the people hired back who have finished training, and never more human work
    /// than they can carry: the hand-back follows the hiring, not the reverse, so it does not
    /// overload the team it means to relieve. Contacts are handed back only where the AI's
    /// contacts go badly more often than people's at the normal pace (else handing back would
    /// make service worse, and a company would not).
    fn hand_back(&mut self, t: usize) {
        let p = self.p;
        if self.rehire_positions <= 0.0 || p.ai_share <= 0.0 || !self.cal.hand_back_helps {
            return;
        }
        // People hired back who were hired at least a training period ago.
        let trained_lag = p.training_months.ceil() as usize;
        let trained = t
            .checked_sub(trained_lag)
            .and_then(|i| self.rehire_hires_by_month.get(i))
            .copied()
            .unwrap_or(0.0);
        let filled = (trained / self.rehire_positions).min(1.0);
        let wanted = p.correction_hand_back_share * filled;
        // Human work one handed-back contact adds: a whole contact less the escalation the
        // AI would have passed on. Zero or less means handing back frees people.
        let escalated_work = if self.level >= 2 {
            (1.0 - p.ai_resolution_rate) * p.escalation_handle_factor
        } else {
            0.0
        };
        let work_per_share = p.ai_share * self.cal.contacts0 * (1.0 - escalated_work);
        self.handed_back = if work_per_share <= 0.0 {
            wanted
        } else {
            let capacity = trained * self.cal.contacts0 / self.cal.effective_fte0;
            wanted.min(capacity / work_per_share)
        };
    }

    /// True once the company has corrected course (the rehire decision has taken effect).
    fn corrected(&self, t: usize) -> bool {
        self.rehire_month.is_some_and(|m| t >= m)
    }

    /// The cut, at the start of the cut month (scenario only). Returns the severance, USD.
    fn apply_cut(&mut self) -> f64 {
        let p = self.p;
        match self.path {
            Path::Baseline | Path::Augment => 0.0,
            Path::Scenario => {
                let keep = 1.0 - p.layoff_share;
                self.laid_off = p.layoff_share * self.headcount();
                let laid_off_own_staff = p.severance_share * self.laid_off;
                // The cut falls on every tenure alike: nothing in the sources says otherwise.
                self.experienced *= keep;
                self.rookies *= keep;
                self.trainees *= keep;
                self.vacancies *= keep;
                self.target_positions *= keep;
                let weekly_wage =
                    p.loaded_cost_per_agent_per_month / WAGE_TO_LOADED_COST / WEEKS_PER_MONTH;
                laid_off_own_staff * p.severance_weeks * weekly_wage
            }
        }
    }

    /// The launch of AI assistance on the augment path, at month 0: nobody is cut, and the
    /// team may shrink only by not replacing people who quit.
    fn apply_augment_launch(&mut self) {
        let p = self.p;
        let needed = self.cal.positions0 / (1.0 + p.augment_productivity_gain);
        self.target_positions = needed;
        if self.level < 3 {
            // Without a modelled workforce the smaller team is assumed at once.
            self.experienced = self.cal.experienced0 / (1.0 + p.augment_productivity_gain);
        } else {
            self.vacancies = (needed - self.headcount()).max(0.0);
        }
    }

    fn step(&mut self, t: usize) -> Month {
        let p = self.p;
        let cal = self.cal;
        let level = self.level;
        let cut_done = t >= self.cut_month;

        // Events at the start of the month.
        if t == 0 && self.path == Path::Augment {
            self.apply_augment_launch();
        }
        let severance_usd = if t == self.cut_month {
            self.apply_cut()
        } else {
            0.0
        };
        if self.rehire_month == Some(t) {
            let positions = p.rehire_share * self.laid_off;
            self.target_positions += positions;
            self.rehire_open += positions;
            self.rehire_positions = positions;
            self.vacancies += positions;
        }
        if self.corrected(t) {
            self.hand_back(t);
        }

        let headcount = self.headcount();
        let rehired = self.rehired;
        let start = StartOfMonth {
            experienced: self.experienced,
            rookies: self.rookies,
            trainees: self.trainees,
            vacancies: self.vacancies,
            customers: self.customers,
            perceived_bad: self.perceived_bad,
        };

        // Capacity of the humans, in contacts of normal effort per month.
        let mut experienced_productivity = 1.0;
        if level >= 4 && self.path == Path::Scenario && cut_done {
            // Know-how that left with the cut is relearned over about a year.
            experienced_productivity -= p.knowledge_loss_share * p.layoff_share * self.relearn_fade;
        }
        let mut effective_fte =
            self.experienced * experienced_productivity + ROOKIE_PRODUCTIVITY * self.rookies;
        if self.path == Path::Augment {
            effective_fte *= 1.0 + p.augment_productivity_gain;
        }

        // Demand and the AI's part of it.
        let contacts = self.customers * p.contacts_per_customer_per_month + self.repeats_next;
        let ai_share = self.ai_share(t);
        let ai_contacts = ai_share * contacts;
        let human_contacts = contacts - ai_contacts;
        let (resolved, escalated, silent) = if level >= 2 {
            let resolved = p.ai_resolution_rate * ai_contacts;
            (
                resolved,
                ai_contacts - resolved,
                p.ai_silent_failure_share * resolved,
            )
        } else {
            (ai_contacts, 0.0, 0.0)
        };
        let human_work = human_contacts + escalated * p.escalation_handle_factor;

        // Work pressure, written so that the starting state gives exactly 1.
        let work_pressure = if effective_fte > 0.0 {
            (human_work * self.standard * cal.effective_fte0) / (cal.contacts0 * effective_fte)
        } else {
            f64::INFINITY
        };

        // Corner cutting (depth 4): under pressure agents spend less time per contact.
        let time_ratio = if level >= 4 && work_pressure > 1.0 && work_pressure.is_finite() {
            work_pressure.powf(p.corner_cutting_elasticity)
        } else {
            1.0
        };
        let served_fraction = if human_work <= 0.0 {
            1.0
        } else if !work_pressure.is_finite() {
            0.0
        } else {
            (1.0 / (work_pressure * time_ratio)).min(1.0)
        };
        let time_vs_need = self.standard * time_ratio;

        // Service quality (depth 2+). Unserved contacts and silent failures are bad.
        let bad_contact_share = if level >= 2 {
            let bad_human = 1.0 - (1.0 - p.bad_contact_chance_human) * time_vs_need;
            let bad_escalated = 1.0 - (1.0 - p.bad_contact_chance_escalated) * time_vs_need;
            let served_human = served_fraction * human_contacts;
            let served_escalated = served_fraction * escalated;
            let unserved = (1.0 - served_fraction) * (human_contacts + escalated);
            let bad = served_human * bad_human
                + served_escalated * bad_escalated
                + (resolved - silent) * p.bad_contact_chance_ai
                + silent
                + unserved;
            bad / contacts
        } else {
            cal.bad_share0
        };
        let unserved_share = if human_contacts + escalated > 0.0 {
            1.0 - served_fraction
        } else {
            0.0
        };
        // The same bad contacts, split by who took the contact first, for comparisons with
        // what companies report ("satisfaction on par with human agents").
        let (ai_bad_share, human_bad_share) = if level >= 2 {
            let time = self.standard * time_ratio;
            let bad_human = 1.0 - (1.0 - p.bad_contact_chance_human) * time;
            let bad_escalated = 1.0 - (1.0 - p.bad_contact_chance_escalated) * time;
            let on_escalated = served_fraction * bad_escalated + (1.0 - served_fraction);
            let ai_bad = if ai_contacts > 0.0 {
                ((resolved - silent) * p.bad_contact_chance_ai + silent + escalated * on_escalated)
                    / ai_contacts
            } else {
                0.0
            };
            let human_bad = served_fraction * bad_human + (1.0 - served_fraction);
            (ai_bad, human_bad)
        } else {
            (0.0, cal.bad_share0)
        };

        // Money for the month, on the stocks at its start.
        let contribution_usd =
            self.customers * p.revenue_per_customer_per_month * p.contribution_margin;
        let wages_usd = p.loaded_cost_per_agent_per_month
            * ((headcount - rehired) + rehired * p.rehire_pay_factor);
        let mut ai_usd = 0.0;
        let mut ai_setup_usd = 0.0;
        if self.path == Path::Scenario && p.ai_share > 0.0 {
            let price = p.ai_price_per_conversation * self.price_factor;
            ai_usd += p.ai_fixed_cost_per_month + price * ai_contacts;
            if t == 0 {
                ai_setup_usd = p.ai_setup_cost;
                ai_usd += ai_setup_usd;
            }
        }
        if self.path == Path::Augment {
            ai_usd += p.augment_cost_per_agent_per_month * headcount;
        }

        // Workforce flows (depth 3+): quits, hires, training, ramp.
        let mut hires = 0.0;
        let mut quits = 0.0;
        if level >= 3 {
            let mut quit_fraction = cal.quit_fraction;
            if level >= 4 && self.path == Path::Scenario && cut_done && self.laid_off > 0.0 {
                // Survivors react to a layoff (D4), not to attrition or an ended vendor contract.
                let boost = p.survivor_quit_boost * p.severance_share * self.boost_fade;
                quit_fraction = monthly_fraction(cal.quit_hazard * (1.0 + boost));
            }
            let stay = 1.0 - quit_fraction;
            quits = quit_fraction * headcount;
            hires = cal.fill_fraction * self.vacancies;
            let rehire_hires = if self.rehire_open > 0.0 && self.vacancies > 0.0 {
                hires * (self.rehire_open / self.vacancies).min(1.0)
            } else {
                0.0
            };
            let boomerangs = p.boomerang_share * rehire_hires;
            let trainees = self.trainees * stay;
            let rookies = self.rookies * stay;
            let graduates = cal.train_fraction * trainees;
            let ramped = cal.ramp_fraction * rookies;
            self.trainees = trainees - graduates + (hires - boomerangs);
            self.rookies = rookies - ramped + graduates;
            self.experienced = self.experienced * stay + ramped + boomerangs;
            self.rehired = self.rehired * stay + rehire_hires;
            self.rehire_open -= rehire_hires;
            self.rehire_hires_total += rehire_hires;
            // Pay of rehires above (or, for a factor below 1, below) the old pay counts too.
            self.rehire_cost_usd += rehire_hires * p.cost_per_hire
                + rehired * p.loaded_cost_per_agent_per_month * (p.rehire_pay_factor - 1.0);
            // Open positions are whatever the target leaves unfilled.
            self.vacancies = (self.target_positions - self.headcount()).max(0.0);
        }
        let hiring_usd = hires * p.cost_per_hire;
        if self.path == Path::Scenario {
            self.rehire_hires_by_month.push(self.rehire_hires_total);
        }

        // Customers and perception (depth 2+).
        if level >= 2 {
            let cpc = p.contacts_per_customer_per_month;
            // Extra churn: the share of customers with a bad contact, beyond the start, times
            // the share of them who leave. Better-than-before service can lower churn, but
            // churn cannot fall below zero.
            let extra_churn = p.defection_per_bad_contact
                * (cal.churn_reference - (-cpc * self.perceived_bad).exp());
            let churn = (p.baseline_churn_per_month + extra_churn).max(0.0);
            self.customers =
                self.customers * (1.0 - churn) + p.baseline_churn_per_month * p.customers_before;
            self.perceived_bad +=
                (bad_contact_share - self.perceived_bad) * cal.perception_fraction;
            self.repeats_next = silent;
        }

        // Goal erosion (depth 4): the standard slides toward the rushed time. It climbs back
        // only after the company has corrected course, and only in a month nobody is rushed.
        let quality_standard = self.standard;
        if level >= 4 && time_ratio < 1.0 {
            let rushed = self.standard * time_ratio;
            self.standard = rushed + (self.standard - rushed) * cal.erosion_keep;
        } else if level >= 4 && self.corrected(t) {
            self.standard += (1.0 - self.standard) * cal.recovery_fraction;
        }

        // The rehire decision (depth 3+): perceived quality worse than managers expected of
        // the launch by more than the trigger, then a delay. A company that reopens no
        // positions never corrects course.
        if level >= 3
            && self.path == Path::Scenario
            && self.laid_off > 0.0
            && p.rehire_share > 0.0
            && self.rehire_month.is_none()
            && self.perceived_bad > cal.expected_bad_share * (1.0 + p.rehire_trigger_rise)
        {
            self.rehire_month = Some(t + 1 + p.recognition_delay_months as usize);
        }

        // Advance the running factors to next month.
        self.price_factor *= cal.price_step;
        if cut_done {
            self.relearn_fade *= cal.relearn_step;
            self.boost_fade *= cal.boost_fade_step;
        }

        let profit_usd = contribution_usd - wages_usd - severance_usd - ai_usd - hiring_usd;
        Month {
            experienced: start.experienced,
            rookies: start.rookies,
            trainees: start.trainees,
            vacancies: start.vacancies,
            headcount,
            rehired,
            customers: start.customers,
            contacts,
            ai_share,
            ai_contacts,
            ai_agent_equivalent: (ai_contacts - escalated * p.escalation_handle_factor)
                * cal.effective_fte0
                / cal.contacts0,
            human_contacts: human_contacts + escalated,
            ai_bad_share,
            human_bad_share,
            bad_contact_share,
            perceived_bad_contact_share: start.perceived_bad,
            work_pressure: if work_pressure.is_finite() {
                work_pressure
            } else {
                0.0
            },
            unserved_share,
            quality_standard,
            hires,
            quits,
            contribution_usd,
            wages_usd,
            severance_usd,
            ai_usd,
            ai_setup_usd,
            hiring_usd,
            profit_usd,
        }
    }
}

/// What a finished path leaves besides its months: the facts the summary needs.
struct PathEnd {
    months: Vec<Month>,
    laid_off: f64,
    rehire_month: Option<usize>,
    rehire_hires: f64,
    rehire_cost_usd: f64,
}

fn run_path(p: &Params, cal: Calibration, path: Path) -> PathEnd {
    let horizon = p.horizon_months as usize;
    let mut run = PathRun::new(p, cal, path);
    let months: Vec<Month> = (0..horizon).map(|t| run.step(t)).collect();
    PathEnd {
        months,
        laid_off: run.laid_off,
        rehire_month: run.rehire_month.filter(|&m| m < horizon),
        rehire_hires: run.rehire_hires_total,
        rehire_cost_usd: run.rehire_cost_usd,
    }
}

/// Running sum of `a[i].profit - b[i].profit`.
fn cumulative_difference(a: &[Month], b: &[Month]) -> Vec<f64> {
    let mut total = 0.0;
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            total += x.profit_usd - y.profit_usd;
            total
        })
        .collect()
}

/// Net present value of `a` minus `b`; each month's money counts at the month's end, so month
/// index i is discounted by `discount_step^(i+1)`.
fn npv(discount_step: f64, a: &[Month], b: &[Month]) -> f64 {
    let mut factor = 1.0;
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            factor *= discount_step;
            (x.profit_usd - y.profit_usd) * factor
        })
        .sum()
}

/// The payback, peak and regret months of a cumulative difference, as 0-based indices.
pub fn events(cumulative: &[f64]) -> (Option<usize>, Option<usize>, Option<usize>) {
    let payback = cumulative.iter().position(|&c| c > 0.0);
    let peak = cumulative
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0.0)
        .fold(None, |best: Option<(usize, f64)>, (i, &c)| match best {
            Some((_, b)) if b >= c => best,
            _ => Some((i, c)),
        })
        .map(|(i, _)| i);
    let regret = peak.and_then(|peak| {
        cumulative[peak + 1..]
            .iter()
            .position(|&c| c < 0.0)
            .map(|offset| peak + 1 + offset)
    });
    (payback, peak, regret)
}

fn month_number(index: usize) -> u32 {
    index as u32 + 1
}

/// Runs the scenario, the baseline and the augment path for validated parameters.
pub fn run(p: &Params) -> Outcome {
    let cal = Calibration::new(p);
    let scenario = run_path(p, cal, Path::Scenario);
    let baseline = run_path(p, cal, Path::Baseline);
    let augment = run_path(p, cal, Path::Augment);
    let s = &scenario.months;
    let b = &baseline.months;
    let a = &augment.months;
    let horizon = s.len();
    let cut = (p.layoff_month as usize).min(horizon - 1);

    let cumulative = cumulative_difference(s, b);
    let cumulative_vs_augment = cumulative_difference(s, a);
    let (payback, peak, regret) = events(&cumulative);

    // The first month the AI runs at its full share (it launches in month 0).
    let full = ((p.ai_ramp_months.max(1.0) as usize) - 1).min(horizon - 1);
    let contacts_per_fte = cal.contacts0 / cal.effective_fte0;
    let escalated_work = if depth(p) >= 2 {
        (1.0 - p.ai_resolution_rate) * p.escalation_handle_factor
    } else {
        0.0
    };
    let ai_agent_equivalent = s[full].ai_contacts * (1.0 - escalated_work) / contacts_per_fte;
    // Running cost of support, without one-off build cost and severance.
    let support_cost = |m: &Month| m.wages_usd + m.ai_usd - m.ai_setup_usd;
    // Cost per contact is compared once the cut is done and the AI runs at full share.
    let settled = full.max(cut);
    let cost_per_contact_change = (support_cost(&s[settled]) / s[settled].contacts)
        / (support_cost(&b[settled]) / b[settled].contacts)
        - 1.0;
    let year_end = (cut + 12).min(horizon);
    let support_cost_saved_per_year_usd = (cut..year_end)
        .map(|i| support_cost(&b[i]) - support_cost(&s[i]))
        .sum::<f64>()
        * 12.0
        / (year_end - cut) as f64;

    let ledger_savings_per_year = 12.0
        * (scenario.laid_off * p.loaded_cost_per_agent_per_month
            - if p.ai_share > 0.0 {
                p.ai_fixed_cost_per_month + p.ai_price_per_conversation * p.ai_share * cal.contacts0
            } else {
                0.0
            });
    let contribution_per_year =
        12.0 * p.customers_before * p.revenue_per_customer_per_month * p.contribution_margin;

    let summary = Summary {
        npv_usd: npv(cal.discount_step, s, b),
        npv_vs_augment_usd: npv(cal.discount_step, s, a),
        augment_npv_usd: npv(cal.discount_step, a, b),
        payback_month: payback.map(month_number),
        peak_month: peak.map(month_number),
        peak_savings_usd: peak.map_or(0.0, |i| cumulative[i]),
        regret_month: regret.map(month_number),
        rehire_start_month: scenario.rehire_month.map(month_number),
        break_even_extra_churn_per_year: ledger_savings_per_year / contribution_per_year,
        first_year_delta_usd: cumulative[year_end - 1],
        final_cumulative_delta_usd: cumulative[horizon - 1],
        final_cumulative_delta_vs_augment_usd: cumulative_vs_augment[horizon - 1],
        laid_off: scenario.laid_off,
        rehired_hires: scenario.rehire_hires,
        rehire_cost_usd: scenario.rehire_cost_usd,
        customers_lost: b[horizon - 1].customers - s[horizon - 1].customers,
        peak_bad_contact_share: s.iter().map(|m| m.bad_contact_share).fold(0.0, f64::max),
        ai_agent_equivalent,
        cost_per_contact_change,
        support_cost_saved_per_year_usd,
        final_headcount: s[horizon - 1].headcount,
    };
    Outcome {
        scenario: scenario.months,
        baseline: baseline.months,
        augment: augment.months,
        cumulative_delta_usd: cumulative,
        cumulative_delta_vs_augment_usd: cumulative_vs_augment,
        summary,
    }
}
