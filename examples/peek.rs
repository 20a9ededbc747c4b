use layoff_whatif::{model, params::Params};
fn main() {
    let mut p = Params::default();
    for arg in std::env::args().skip(1) {
        let (k, v) = arg.split_once('=').unwrap();
        let spec = layoff_whatif::params::spec(k).unwrap();
        spec.set(&mut p, v.parse().unwrap());
    }
    let o = model::run(&p);
    println!("{:#?}", o.summary);
    for (i, m) in o.scenario.iter().enumerate() {
        if i % 3 == 0 {
            println!("m{:>3} hc {:>7.1} E {:>6.1} R {:>6.1} T {:>5.1} V {:>5.1} cust {:>10.0} bad {:.3} perc {:.3} pres {:.3} uns {:.3} std {:.3} cum {:>12.0} vsA {:>12.0}",
              i+1, m.headcount, m.experienced, m.rookies, m.trainees, m.vacancies, m.customers, m.bad_contact_share, m.perceived_bad_contact_share, m.work_pressure, m.unserved_share, m.quality_standard, o.cumulative_delta_usd[i], o.cumulative_delta_vs_augment_usd[i]);
        }
    }
    let b = &o.baseline;
    println!("baseline first {:?}\nlast {:?}", b[0], b[b.len() - 1]);
}
