//! The sources behind every default, preset and claim, by the tags the parameter table and
//! the presets use ("K1", "C7", "OS01"). The page's sources list, the CLI and docs/MODEL.md
//! read this table.
//!
//! Tags follow the research notes: K Klarna, S Salesforce, O other reversals and surveys,
//! C costs, Q quality and customers, D downsizing research, and OS/ST for the system dynamics
//! literature the model's structure comes from. A citation names the author or publisher, the
//! title, the outlet and the date, so that a reader can find it; where a figure reached us
//! through coverage, the citation says whose coverage.

use crate::params::Evidence;

/// One source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    /// The tag used in the parameter table and presets.
    pub id: &'static str,
    /// A full citation a reader can look up.
    pub citation: &'static str,
    /// The kind of evidence it is.
    pub evidence: Evidence,
}

/// Every source, in the order the page lists them.
pub const SOURCES: &[Source] = &[
    // Klarna.
    Source {
        id: "K1",
        citation: "Klarna, press release, 27 February 2024: \"Klarna AI assistant handles two-thirds of customer service chats in its first month\" (2.3 million conversations, \"the work of 700 full-time agents\", repeat inquiries down 25%, errands in under 2 minutes instead of 11, \"$40 million USD in profit improvement\" in 2024). klarna.com press pages.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K3",
        citation: "Ben's Bites, case study of Klarna's AI assistant (build cost reported at about $2-3 million; the $40 million measured against budgeted spend with the outsourcing provider), 2024.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K4",
        citation: "Outsource Accelerator, coverage of Klarna's outsourced customer service (about 3,000 outsourced agents needed on average, later \"a little over 2,000\"), 2024-2025.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K5",
        citation: "Klarna headcount reporting and its press coverage, August 2024 (about 5,000 to 3,800 staff, mostly through attrition and a hiring freeze).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K6",
        citation: "Allwork.Space, May 2025, on Klarna's workforce (full-time employees 5,527 at end 2022 and 3,422 at end 2023; hiring freeze from September 2023).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K7",
        citation: "Unusual Whales, 2025, reporting Klarna's statement that natural attrition runs at 15-20% a year.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K9",
        citation: "Bloomberg, 8 May 2025: \"Klarna Turns From AI to Real Person Customer Service\" (CEO Sebastian Siemiatkowski: cost \"a too predominant evaluation factor ... what you end up having is lower quality\"; \"always a human if you want\").",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K10",
        citation: "SFGATE, May 2025, on Klarna's \"Uber-type\" pilot of remote gig customer service agents (pay of at least 400 SEK an hour) and the company's statement that it complements its AI set-up.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K12",
        citation: "EMARKETER, 2025, on Klarna's Q1 2025 results (cost per customer service transaction down about 40% since Q1 2023).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K13",
        citation: "Press coverage of Klarna's Q1 2025 report, May 2025 (cost per service transaction about $0.32 in Q1 2023 and $0.19 in Q1 2025).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K15",
        citation: "Reuters interview with Klarna CEO Sebastian Siemiatkowski, republished by EdexLive, September 2025 (\"We probably over-indexed a little bit on that, and in the last six months we have been trying to course correct\").",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K16",
        citation: "Press coverage of Klarna's Q3 2025 results call, November 2025 (2,907 staff; AI said to do the work of 853 full-time employees).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K17",
        citation: "Klarna, Q3 2025 financial results, November 2025 (active consumers, revenue; the basis of the Klarna-like customers and revenue per customer).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K18",
        citation: "Klarna, UK complaints data publication (the regulated complaints report Klarna publishes for its UK business); no public customer-satisfaction series shows the quality fall the CEO described.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "K19",
        citation: "MarketScreener, May 2022, on Klarna laying off about 10% of its roughly 7,000 staff for macro-economic reasons.",
        evidence: Evidence::Press,
    },
    Source {
        id: "K21",
        citation: "Press coverage of Klarna's Q4 2025 results call, early 2026 (margins; the basis of the Klarna-like contribution margin).",
        evidence: Evidence::CompanyClaim,
    },
    // Salesforce.
    Source {
        id: "S1",
        citation: "Marc Benioff on \"The Logan Bartlett Show\" podcast, September 2025, and its press coverage: support \"reduced ... from 9,000 heads to about 5,000\".",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S2",
        citation: "Marc Benioff on \"The Logan Bartlett Show\" podcast, September 2025, and its press coverage: about 50% of customer interactions handled by AI, an \"omni-channel supervisor\" blending AI and people.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S5",
        citation: "VentureBeat, July 2025, interviews with Salesforce executives on Agentforce on the Salesforce Help portal (launched to about 10% of traffic in October 2024; about 84% of queries resolved; case volume down 5%; 500 support engineers redeployed).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S6",
        citation: "Salesforce, \"When AI Agents Join the Customer Support Team: Lessons From a Successful In-House Test Case\", salesforce.com news, 2025 (about 45,000 conversations a week, resolution rates \"in the 85% range\").",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S8",
        citation: "Thor Olavsrud, \"Salesforce airs lessons learned as Agentforce customer zero\", CIO.com, 3 October 2025 (\"about $100 million in cost out of our support function ... as good or better CSAT\").",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S9",
        citation: "The Information, December 2025, on Salesforce executives being less confident in large language models than a year earlier and moving toward deterministic scripting.",
        evidence: Evidence::Press,
    },
    Source {
        id: "S10",
        citation: "Constellation Research, 2025, on Salesforce Agentforce pricing: $2 per conversation (from September 2024) and Flex Credits at $0.10 per action.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S11",
        citation: "Independent analyses of Agentforce pricing, 2025 (typically 5-15 actions per conversation under Flex Credits).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S12",
        citation: "Fortune, January 2023, on the severance packages of the January 2023 Salesforce layoffs (at least about five months' pay).",
        evidence: Evidence::Press,
    },
    Source {
        id: "S14",
        citation: "The San Francisco Standard, 15 September 2023: \"After mass layoffs, Salesforce changes course with hiring blitz\" (3,300 hires, many of them returning \"boomerang\" staff, after the January 2023 cut of about 10%).",
        evidence: Evidence::Press,
    },
    Source {
        id: "S16",
        citation: "Salesforce, fourth quarter and fiscal 2025 results (fiscal year ended 31 January 2025), February 2025: revenue $37.9 billion.",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "S17",
        citation: "Salesforce, second quarter fiscal 2026 results, September 2025 (gross margin about 78%).",
        evidence: Evidence::CompanyClaim,
    },
    // Other reversals and surveys.
    Source {
        id: "O1",
        citation: "Orgvue, press release, 29 April 2025: \"55% of businesses admit wrong decisions in making employees redundant when bringing AI into the workforce\" (survey of about 1,000 senior leaders; 39% made AI-driven redundancies).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "O2",
        citation: "Forrester, \"Predictions 2026: The Future Of Work\", October 2025 (half of AI-attributed layoffs will be quietly reversed, offshore or at lower pay).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "O3",
        citation: "Gartner prediction reported by destinationCRM, 10 July 2025, \"Half of Organizations Will Stop CX Workforce Reductions Due to AI\", and by CX Today, 2025 (by 2027, 50% of organisations that expected to cut service staff significantly will abandon those plans).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "O4",
        citation: "Gartner, press release, 3 February 2026, \"Gartner Predicts Half of Companies That Cut Customer Service Staff Due to AI Will Rehire by 2027\", reported by MH&L (survey of 321 service leaders, October 2025: only 20% had reduced agent staffing due to AI).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "O5",
        citation: "Press coverage (e.g. TechRadar, 22 August 2025; PerthNow; ITPro) of the Commonwealth Bank of Australia reversing 45 customer-service job cuts tied to a voice bot after call volumes rose; the bank called its assessment an error.",
        evidence: Evidence::Press,
    },
    Source {
        id: "O8",
        citation: "Careerminds, \"AI-Led Layoffs: What HR Leaders Wish They Knew Before Making Job Cuts\", 19 February 2026 (survey of 600 HR professionals, February 2026: about two thirds began rehiring; 35.6% rehired more than half of the cut roles; 52.1% within six months).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "O9",
        citation: "Visier workforce research on boomerang employees and its press coverage (about a third of external hires are former employees; returning staff paid about 25% more).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "O11",
        citation: "Gartner customer survey, December 2023, published July 2024: 64% of customers would prefer companies not use AI for customer service; 53% would consider switching (stated intent, an upper bound).",
        evidence: Evidence::Analyst,
    },
    // Costs.
    Source {
        id: "C1",
        citation: "SHRM talent acquisition benchmarking, reported by Staffing Industry Analysts (average time to fill about 42 days).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "C2",
        citation: "SHRM, Talent Acquisition Benchmarking Report, 2022, and its coverage (average cost per hire about $4,700).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "C3",
        citation: "Heather Boushey and Sarah Jane Glynn, \"There Are Significant Business Costs to Replacing Employees\", Center for American Progress, 16 November 2012 (median turnover cost 21% of salary; 16% for jobs under $30,000, 20% for $30,000-50,000).",
        evidence: Evidence::Research,
    },
    Source {
        id: "C5",
        citation: "Lee Hecht Harrison, severance and separation benchmark survey, reported by PlanSponsor (US norm one week per year of service, minimum 2-3 weeks, median cap 26 weeks).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C7",
        citation: "U.S. Bureau of Labor Statistics, \"Employer Costs for Employee Compensation - June 2025\", news release, September 2025 (benefits 29.8% of compensation, so loaded cost is about 1.42 times wages).",
        evidence: Evidence::Official,
    },
    Source {
        id: "C8",
        citation: "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024: 43-4051 Customer Service Representatives (median annual wage $42,830).",
        evidence: Evidence::Official,
    },
    Source {
        id: "C9",
        citation: "Leonard Klie, \"Gartner Survey Finds Self-Service Insufficient\", destinationCRM, 26 November 2019 (Gartner 2019 poll: live channels $8.01 per contact, self-service about $0.10).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "C11",
        citation: "Call Centre Helper, \"The true cost of agent attrition\" (contact-centre attrition typically 30-45% a year).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C12",
        citation: "Cinareo, on inefficient and lost productivity of new contact-centre agents (new-hire handle time 1.3-1.8 times tenured agents').",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C13",
        citation: "WFM Labs, on speed to proficiency of contact-centre agents (month-one efficiency about 53%, full proficiency at 8-12 months, first-year average about 67%).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C14",
        citation: "Contact-centre training surveys, Quality Assurance & Training Connection (QATC) (4-10 weeks of training before the first contact).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C15",
        citation: "Intercom Help Center, Fin AI Agent pricing article ($0.99 per resolution).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "C16",
        citation: "Zendesk, help and pricing articles on automated resolutions (about $1.50-2.00 per automated resolution).",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "C17",
        citation: "Comm100, chatbot resolution benchmark report (full AI resolution about 45% across industries, range 38-98%).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C18",
        citation: "Decagon, glossary entry \"Containment rate\" (average 40-55%, best 70-80%).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C19",
        citation: "Gartner prediction of January 2026, reported by CMSWire, January 2026 (generative-AI cost per resolution in customer service may exceed $3 by 2030, above many offshore human agents).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "C23",
        citation: "Panopto, \"Workplace Knowledge and Productivity Report\" (with YouGov, 1,001 US workers), 17 July 2018, reported by HR Dive (42% of role knowledge is unique to the individual).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "C24",
        citation: "Eurofound, Sweden: notice periods under the Employment Protection Act (LAS) (1-6 months' notice by length of service; no statutory severance pay).",
        evidence: Evidence::Official,
    },
    Source {
        id: "C26",
        citation: "Gartner research reported by destinationCRM, 7 September 2023: \"62 Percent of Customer Service Handoffs Are High-Effort\" (transitions from self-service to a person that do not resolve the issue).",
        evidence: Evidence::Analyst,
    },
    // Quality, customers and revenue.
    Source {
        id: "Q2",
        citation: "Sunil Gupta, Donald R. Lehmann and Jennifer Ames Stuart, \"Valuing Customers\", Journal of Marketing Research 41(1): 7-18, 2004.",
        evidence: Evidence::Research,
    },
    Source {
        id: "Q3",
        citation: "Qualtrics XM Institute, Global Consumer Study and \"What Happens After a Bad Experience\" data snapshots, 2022-2025 (12-16% of experiences \"very poor\"; about half of those customers cut or stop spending).",
        evidence: Evidence::Vendor,
    },
    Source {
        id: "Q4",
        citation: "PwC, \"Experience is everything: Here's how to get it right\", Future of Customer Experience Survey, 2018 (15,000 consumers: 17% of US customers walk away after one bad experience, 59% after several).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "Q6",
        citation: "Matthew Dixon, Nick Toman and Rick DeLisi, \"The Effortless Experience: Conquering the New Battleground for Customer Loyalty\", Portfolio/Penguin, 2013 (CEB research: 96% of high-effort customers become more disloyal).",
        evidence: Evidence::Analyst,
    },
    Source {
        id: "Q7",
        citation: "Ruth N. Bolton, \"A Dynamic Model of the Duration of the Customer's Relationship with a Continuous Service Provider: The Role of Satisfaction\", Marketing Science 17(1): 45-65, 1998.",
        evidence: Evidence::Research,
    },
    Source {
        id: "Q11",
        citation: "Erik Brynjolfsson, Danielle Li and Lindsey Raymond, \"Generative AI at Work\", Quarterly Journal of Economics 140(2): 889-942, 2025 (5,179 agents: productivity +14% on average, +34% for novices).",
        evidence: Evidence::Research,
    },
    // Downsizing research.
    Source {
        id: "D1",
        citation: "Wayne F. Cascio, Clifford E. Young and James R. Morris, \"Financial Consequences of Employment-Change Decisions in Major U.S. Corporations\", Academy of Management Journal 40(5): 1175-1189, 1997.",
        evidence: Evidence::Research,
    },
    Source {
        id: "D2",
        citation: "Wayne F. Cascio, Arjun Chatrath and Rohan A. Christie-David, \"Antecedents and Consequences of Employment and Asset Restructuring\", Academy of Management Journal 64(2): 587-613, 2021.",
        evidence: Evidence::Research,
    },
    Source {
        id: "D4",
        citation: "Charlie O. Trevor and Anthony J. Nyberg, \"Keeping Your Headcount When All About You Are Losing Theirs: Downsizing, Voluntary Turnover Rates, and the Moderating Role of HR Practices\", Academy of Management Journal 51(2): 259-276, 2008.",
        evidence: Evidence::Research,
    },
    Source {
        id: "D8",
        citation: "Linda Argote, \"Organizational Learning: Creating, Retaining and Transferring Knowledge\", 2nd ed., Springer, 2013; Peter Thompson, \"How Much Did the Liberty Shipbuilders Forget?\", Management Science 53(6): 908-918, 2007.",
        evidence: Evidence::Research,
    },
    // System dynamics: the structure of the model.
    Source {
        id: "OS01",
        citation: "Rogelio Oliva and John D. Sterman, \"Cutting Corners and Working Overtime: Quality Erosion in the Service Industry\", Management Science 47(7): 894-914, 2001.",
        evidence: Evidence::Research,
    },
    Source {
        id: "OS10",
        citation: "Rogelio Oliva and John D. Sterman, \"Death Spirals and Virtuous Cycles: Human Resource Dynamics in Knowledge-Based Services\", in P. P. Maglio, C. A. Kieliszewski and J. C. Spohrer (eds.), Handbook of Service Science, Springer, 2010, pp. 321-358.",
        evidence: Evidence::Research,
    },
    Source {
        id: "ST00",
        citation: "John D. Sterman, \"Business Dynamics: Systems Thinking and Modeling for a Complex World\", Irwin/McGraw-Hill, 2000, chapter 19, \"The Labor Supply Chain and the Origin of Business Cycles\".",
        evidence: Evidence::Research,
    },
    // The dated public record (shared research, record.md): what Klarna, Salesforce and
    // Commonwealth Bank reported, each with the page it was read from.
    Source {
        id: "RK1",
        citation: "PureAI, \"Why Klarna's AI Experiment Matters\", 22 October 2025, reprinting Klarna's release of 27 February 2024 (2.3 million conversations, two thirds of service chats, \"the equivalent work of 700 full-time agents\", satisfaction \"on par with human agents\", repeat inquiries down 25%) and its Q1 2025 text (cost per transaction down 40% since Q1 2023). pureai.com/Articles/2025/10/22/Why-Klarnas-AI-Experiment-Matters.aspx",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK2",
        citation: "American Banker, 2024, \"Klarna's AI does the work of 700 people. What's that really mean?\" (resolution in under 2 minutes against 11 for human agents). americanbanker.com/payments/news/klarnas-ai-does-the-work-of-700-people-whats-that-really-mean",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK3",
        citation: "eMarketer, May 2025, \"Klarna backtracks on AI customer service plans\" (the assistant \"would drive a $40 million profit improvement\" in 2024). content-na1.emarketer.com/klarna-backtracks-ai-customer-service-plans",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK4",
        citation: "Outsource Accelerator, 2024, on a CBS interview with Klarna's CEO (about 3,000 outsourced agents; \"they only need a little over 2,000 agents\"; \"Klarna does not employ customer service agents ourselves\"). news.outsourceaccelerator.com/klarna-jobs-outsourced-no-layoffs/",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK5",
        citation: "Payments Dive, March 2025, on Klarna's F-1 filing (3,422, 4,352 and 5,527 full-time employees at the end of 2024, 2023 and 2022). paymentsdive.com/news/klarna-buy-now-pay-later-bnpl-payments-workforce-ipo/742627",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK6",
        citation: "LBC (PA), 27 August 2024, on Klarna shrinking its headcount from about 5,000 to 3,800. lbc.co.uk/tech/2b241e137a0e4b6ca0c9bfc069954af4/",
        evidence: Evidence::Press,
    },
    Source {
        id: "RK7",
        citation: "Outsource Accelerator (after TechCrunch), December 2024, on Klarna's CEO: \"We were 4,500, now we're 3,500\". news.outsourceaccelerator.com/klarna-ai-company-hiring/",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK8",
        citation: "Breitbart, 18 May 2025, on a CNBC interview with Klarna's CEO (\"from about 5,000 to now almost 3,000 employees\"). breitbart.com/tech/2025/05/18/fintech-giant-klarna-claims-ai-has-reduced-its-headcount-by-40/",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK9",
        citation: "AIApps, undated, on Klarna's cost per service transaction falling from $0.32 in Q1 2023 to $0.19 in Q1 2025. aiapps.com/news/klarna-changes-ai-strategy-from-saving-money-to-business-expansion",
        evidence: Evidence::Press,
    },
    Source {
        id: "RK10",
        citation: "PYMNTS, copy of Bloomberg, 8 May 2025, on Klarna's CEO: cost \"a too predominant evaluation factor ... what you end up having is lower quality\". info.bizandtech.net/klarna-focuses-human-powered-customer-service",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK11",
        citation: "The Star (Bloomberg), 8 May 2025: \"two of the new breed of customer-service agents live now\". daily8.com/en/article/15293e8589471231edcb250774e6be6d",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK12",
        citation: "SFGATE, May 2025, on Klarna's remote gig agents earning \"at least 400 Swedish krona, around $41, per hour\". sfgate.com/tech/article/lucrative-tech-jobs-vanish-klarna-gig-work-20339137.php",
        evidence: Evidence::Press,
    },
    Source {
        id: "RK13",
        citation: "FusionChat, 19 May 2025, quoting a Klarna statement (the AI \"performs the work of over 800 full-time roles (not 700)\"; several thousand outsourced agents remain). fusionchat.ai/news/5-lessons-from-klarnas-ai-reversal",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK14",
        citation: "EdexLive, 12 September 2025, on a Reuters interview with Klarna's CEO (\"in the last six months we have been trying to course correct\"). edexlive.com/news/2025/Sep/12/went-too-far-with-ai-cost-cutting-why-this-fintech-giant-is-hiring-humans-again",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK15",
        citation: "The Guardian, 18 November 2025, on Klarna's Q3 2025 call (staff 5,527 to 2,907; the AI does \"the work of 853 full-time staff, up from 700 earlier this year\"). theguardian.com/business/2025/nov/18/buy-now-pay-later-klarna-ai-helped-halve-staff-boost-pay",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RK16",
        citation: "CIO News, November 2025, on the AI \"saving the company an estimated $60 million\". cionews.com/post/klarna-ai-replaces-853-customer-service-agents",
        evidence: Evidence::Press,
    },
    Source {
        id: "RS1",
        citation: "CNBC story (copy), September 2025, on Marc Benioff's podcast remark (\"I've reduced it from 9,000 heads to about 5,000\") and Salesforce's statement that it no longer needs to actively backfill support engineer roles. portfolioprints.com/b-article141",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RS2",
        citation: "Beehiiv newsletter, undated, quoting Marc Benioff: \"50% are with agents, 50% are with humans\". artificial-intelligencee.beehiiv.com/p/salesforce-cuts-4-000-customer-support-jobs-as-ai-takes-the-wheel",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RS3",
        citation: "Boing Boing (after SFGATE), 5 September 2025: \"only 262 of these individuals were identified by Salesforce's WARN Act filing\". boingboing.net/2025/09/05/salesforce-ceo-benioff-tragically-brags-that-ai-is-letting-him-cut-heads.html",
        evidence: Evidence::Press,
    },
    Source {
        id: "RS5",
        citation: "Salesforce Newsroom, \"When AI Agents Join the Customer Support Team\", about July 2025 (45,000 conversations a week, more than 1 million in all by early July, resolution rates in the 85% range; only a small fraction of the 3 to 4 million monthly visits). salesforce.com/news/stories/ai-agent-customer-service-salesforce-learnings",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RS6",
        citation: "VentureBeat (copy), July 2025, on Salesforce's help site (84% resolved, \"a 5% reduction in support case volume\", 500 support engineers redeployed). newsn24.de, \"Salesforce used AI to cut support load by 5%\"",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RS8",
        citation: "CIO.com, \"Salesforce airs lessons learned as Agentforce customer zero\", 3 October 2025 (more than 1.4 million conversations; \"about $100 million in cost out of our support function\"; \"as good or better CSAT\"). via simplicityset.store/article/4063765/lessons-learned-as-agentforce-customer-zero.html",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RS9",
        citation: "Bloomberg, \"The Circuit\" with Emily Chang, transcript, undated (\"more than one hundred and fifty thousand companies\" as customers). iheart.com/podcast/1119-the-circuit-with-emily-ch-116673015/episode/marc-benioffs-race-to-one-billion-283071230",
        evidence: Evidence::Press,
    },
    Source {
        id: "RS10",
        citation: "The Negotiation Experts, undated, on Agentforce pricing (\"The Conversations model is $2 per conversation\"). thenegotiationexperts.com/blog/agentforce-consumption-pricing-negotiation/",
        evidence: Evidence::Press,
    },
    Source {
        id: "RS11",
        citation: "Aquiva Labs, undated, on Agentforce Flex Credits (20 credits, $0.10 an action). aquivalabs.com/agentforce-pricing-gets-a-long-overdue-fix-flex-credits-are-now-live",
        evidence: Evidence::Press,
    },
    Source {
        id: "RB1",
        citation: "Reuters (via TheOutpost), 29 July 2025, on Commonwealth Bank of Australia cutting 45 jobs after a voice bot went live on its inbound enquiries line in June (the Finance Sector Union counts 90 roles). theoutpost.ai/news-story/commonwealth-bank-of-australia-cuts-jobs-as-ai-takes-over-customer-service-roles-18337",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RB3",
        citation: "Cryptopolitan (via TradingKey), 21 August 2025, on the bank's assertion that the voice bot would reduce weekly calls by 2,000. tradingkey.com/pt/news/cryptocurrencies/251026305-cryptopolitan",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RB4",
        citation: "HRD (via White Collar Voice), August 2025, on the reversal: call volumes rose, overtime offered, team leaders pulled onto the phones; the bank said \"this error meant the roles were not redundant\". whitecollarvoice.com/cba-reverses-ai-triggered-employee-layoffs",
        evidence: Evidence::CompanyClaim,
    },
    Source {
        id: "RB5",
        citation: "People Matters ANZ, 21 August 2025, on the bank reversing its plan to cut 45 customer service roles (more than 51,000 staff). anz.peoplemattersglobal.com/news/hr-technology/commonwealth-bank-of-australia-reverses-plan-to-cut-45-customer-service-roles-after-union-challenge-46533",
        evidence: Evidence::Press,
    },
];

/// Looks a source up by tag.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::PARAMS;
    use crate::presets::PRESETS;

    /// True where `token` is a source tag: a group of uppercase letters followed by a group of
    /// digits and nothing else ("K4", "C12", "OS01"). Words such as "design", "no", "(repeat"
    /// or "inquiries)" are not tags.
    fn is_tag(token: &str) -> bool {
        let letters = token.bytes().take_while(u8::is_ascii_uppercase).count();
        letters > 0
            && letters < token.len()
            && token.bytes().skip(letters).all(|b| b.is_ascii_digit())
    }

    /// The source tags in a free-text source field. Brackets and punctuation around a token are
    /// stripped first, so "(K1)" or "K1," still count as a tag and cannot hide a missing source.
    fn tags(text: &str) -> Vec<&str> {
        text.split_whitespace()
            .map(|t| t.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|t| is_tag(t))
            .collect()
    }

    /// Every tag named by the parameter table and the presets, with where it was found.
    fn used_tags() -> Vec<(String, &'static str)> {
        let from_params = PARAMS
            .iter()
            .flat_map(|p| tags(p.source).into_iter().map(move |t| (t, p.key)));
        let from_presets = PRESETS.iter().flat_map(|p| {
            tags(p.sources)
                .into_iter()
                .chain(p.values.iter().flat_map(|v| tags(v.source)))
                .map(move |t| (t, p.name))
        });
        from_params
            .chain(from_presets)
            .map(|(tag, place)| (tag.to_owned(), place))
            .collect()
    }

    #[test]
    fn the_tokenizer_finds_tags_and_skips_words() {
        assert_eq!(tags("K1 (repeat inquiries)"), ["K1"]);
        assert_eq!(tags("C5 S12 C24"), ["C5", "S12", "C24"]);
        assert_eq!(tags("OS01"), ["OS01"]);
        assert!(tags("design choice").is_empty());
        assert!(tags("no public source").is_empty());
        assert!(tags("design").is_empty());
        assert_eq!(tags("(K1), C7;"), ["K1", "C7"]);
        assert!(!is_tag("K"));
        assert!(!is_tag("12"));
        assert!(!is_tag("K1a"));
        assert!(!is_tag("k1"));
    }

    #[test]
    fn every_tag_in_the_parameter_table_and_the_presets_has_a_source() {
        let used = used_tags();
        assert!(
            used.len() > 20,
            "the tokenizer found only {} tags",
            used.len()
        );
        let missing: Vec<String> = used
            .iter()
            .filter(|(tag, _)| source(tag).is_none())
            .map(|(tag, place)| format!("{tag} (used by {place})"))
            .collect();
        assert!(missing.is_empty(), "tags without a source: {missing:?}");
    }

    #[test]
    fn ids_are_unique_well_formed_tags_with_a_citation() {
        for (i, s) in SOURCES.iter().enumerate() {
            assert!(is_tag(s.id), "{} is not a tag", s.id);
            assert!(
                SOURCES[i + 1..].iter().all(|t| t.id != s.id),
                "duplicate {}",
                s.id
            );
            assert!(s.citation.len() > 30, "{}: citation too short", s.id);
            assert!(
                !s.citation.contains("TODO"),
                "{}: unfinished citation",
                s.id
            );
        }
    }

    #[test]
    fn lookup_finds_a_source_by_tag_only() {
        assert_eq!(source("OS01").map(|s| s.evidence), Some(Evidence::Research));
        assert_eq!(source("C7").map(|s| s.evidence), Some(Evidence::Official));
        assert!(source("K2").is_none());
        assert!(source("design").is_none());
    }
}
