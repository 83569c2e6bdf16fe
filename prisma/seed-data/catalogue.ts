// Demo catalogue of the 74 common proposals of NATO–EU cooperation.
// The official wording of each proposal is not reproduced here: titles and descriptions are
// short paraphrases, in our own words, of topics named in public sources (see shared DOMAIN.md).
// Only the hybrid counts are publicly confirmed (10 in the 2016 set, 10 in the 2017 set); the spread
// of the other proposals over the areas, and which ones involve the EDA, is assumed for demo purposes.
// Replace this catalogue by importing the official list.

export type SeedArea = { id: string; number: number; name: string; description: string };

export type SeedProposal = {
  number: number; // 1..74; 1..42 = set of 6 December 2016, 43..74 = set of 5 December 2017
  set: "SET_2016" | "SET_2017";
  areaId: string; // one of the SeedArea ids
  title: string; // short paraphrased title, <= 90 characters, sentence case, no trailing full stop
  description: string; // 1-2 sentences (<= 300 characters), paraphrased, plain English
  edaInvolved: boolean; // whether the European Defence Agency is involved
};

export const DEMO_CATALOGUE_NOTICE =
  "This is a demo catalogue: proposal titles are paraphrased and their spread over the areas is assumed, so replace it by importing the official list of the 74 common proposals.";

export const areas: SeedArea[] = [
  {
    id: "hybrid-threats",
    number: 1,
    name: "Countering hybrid threats",
    description: "Situational awareness, strategic communication, crisis response and resilience against hybrid threats.",
  },
  {
    id: "operational-cooperation",
    number: 2,
    name: "Operational cooperation including maritime issues",
    description: "Coordination between EU and NATO missions and operations, notably at sea in the Mediterranean.",
  },
  {
    id: "cyber",
    number: 3,
    name: "Cyber security and defence",
    description: "Exchanges on cyber concepts, training, exercises and threat information between the two staffs.",
  },
  {
    id: "capabilities",
    number: 4,
    name: "Defence capabilities",
    description: "Coherence of the outputs of NATO defence planning and EU capability development.",
  },
  {
    id: "industry-research",
    number: 5,
    name: "Defence industry and research",
    description: "Dialogue on defence research, innovation, standardisation and the defence industrial base.",
  },
  {
    id: "exercises",
    number: 6,
    name: "Exercises",
    description: "Parallel and coordinated exercises and mutual participation in each other's exercises.",
  },
  {
    id: "capacity-building",
    number: 7,
    name: "Defence and security capacity-building",
    description: "Coordinated support to build the defence and security capacity of partners in the East and South.",
  },
  {
    id: "counter-terrorism",
    number: 8,
    name: "Counter-terrorism",
    description: "Information exchange on counter-terrorism and coordinated support to partners in this field.",
  },
  {
    id: "women-peace-security",
    number: 9,
    name: "Women, peace and security",
    description: "Integrating the women, peace and security agenda and gender perspectives into shared work.",
  },
  {
    id: "military-mobility",
    number: 10,
    name: "Military mobility",
    description: "Making it easier to move military personnel and equipment across Europe, a flagship of cooperation.",
  },
  {
    id: "political-dialogue",
    number: 11,
    name: "Political dialogue",
    description: "Regular meetings, cross-briefings and mutual invitations between the two organisations.",
  },
];

export const proposals: SeedProposal[] = [
  // ---------------------------------------------------------------------------
  // Set of 6 December 2016 (1-42)
  // ---------------------------------------------------------------------------

  // Countering hybrid threats (10)
  {
    number: 1,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Staff participation in the Helsinki Hybrid CoE",
    description:
      "Staff of both organisations take part in the work of the European Centre of Excellence for Countering Hybrid Threats in Helsinki, including its events and studies.",
    edaInvolved: false,
  },
  {
    number: 2,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Shared hybrid situational picture between fusion cells",
    description: "The EU Hybrid Fusion Cell and NATO's hybrid analysis branch exchange analysis regularly to build a shared picture of hybrid threats.",
    edaInvolved: false,
  },
  {
    number: 3,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Hybrid threat indicators and early warning",
    description: "Staff compare the indicators each organisation uses to spot hybrid activity early and brief each other on their early-warning findings.",
    edaInvolved: false,
  },
  {
    number: 4,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Strategic communication team cooperation",
    description: "Strategic communication teams exchange analysis, coordinate messages where useful and hold regular staff meetings.",
    edaInvolved: false,
  },
  {
    number: 5,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Strategic communication support to partner countries",
    description: "Staff coordinate their support to partners that want to strengthen their own strategic communication capacity.",
    edaInvolved: false,
  },
  {
    number: 6,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Coordinated procedures for hybrid crisis response",
    description: "Staff align the procedures each organisation would follow in a hybrid crisis so that their responses can be coordinated.",
    edaInvolved: false,
  },
  {
    number: 7,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Hybrid crisis response tested in parallel exercises",
    description: "Coordinated responses to a hybrid crisis scenario are practised and tested during parallel and coordinated exercises.",
    edaInvolved: false,
  },
  {
    number: 8,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Resilience and civil preparedness cross-briefings",
    description:
      "Staff brief each other on their work on resilience and civil preparedness and look for areas where their requirements can support each other.",
    edaInvolved: false,
  },
  {
    number: 9,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Staff exchanges on national resilience requirements",
    description:
      "Staff share experience on the baseline requirements used to assess national resilience, so that advice to member states and Allies stays consistent.",
    edaInvolved: false,
  },
  {
    number: 10,
    set: "SET_2016",
    areaId: "hybrid-threats",
    title: "Energy security and critical infrastructure protection exchanges",
    description: "Experts exchange information on protecting critical infrastructure and on energy security, including the energy needs of the armed forces.",
    edaInvolved: true,
  },

  // Operational cooperation including maritime issues (7)
  {
    number: 11,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Information sharing between naval operations in the Mediterranean",
    description: "EU and NATO naval operations in the Mediterranean share information on the maritime situation and their activities.",
    edaInvolved: false,
  },
  {
    number: 12,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Tactical coordination between EU and NATO operations at sea",
    description: "Staff and commands coordinate at tactical level where EU and NATO operations work in the same waters, including liaison and meetings.",
    edaInvolved: false,
  },
  {
    number: 13,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Maritime situational awareness exchanges",
    description: "Staff exchange maritime situational awareness products and work towards compatible ways of sharing them.",
    edaInvolved: false,
  },
  {
    number: 14,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Mutual logistic support between naval units",
    description: "Staff explore and, where agreed, arrange mutual logistic support such as refuelling and medical help between ships of the two operations.",
    edaInvolved: false,
  },
  {
    number: 15,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Cooperation between NATO's Aegean activity and Frontex",
    description: "NATO's activity in the Aegean Sea and the EU border agency Frontex keep up liaison and share information on migrant crossings.",
    edaInvolved: false,
  },
  {
    number: 16,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Staff coordination between missions in the Western Balkans",
    description: "Staff of EU and NATO missions and operations in the Western Balkans meet regularly and coordinate their activities.",
    edaInvolved: false,
  },
  {
    number: 17,
    set: "SET_2016",
    areaId: "operational-cooperation",
    title: "Staff talks on maritime security and counter-piracy",
    description: "Staff keep a regular dialogue on maritime security, drawing on past counter-piracy cooperation off the Horn of Africa.",
    edaInvolved: false,
  },

  // Cyber security and defence (5)
  {
    number: 18,
    set: "SET_2016",
    areaId: "cyber",
    title: "Cyber-defence concepts in mission and operation planning",
    description: "Staff exchange concepts for building cyber defence into the planning and conduct of missions and operations.",
    edaInvolved: true,
  },
  {
    number: 19,
    set: "SET_2016",
    areaId: "cyber",
    title: "Mutual participation in cyber exercises",
    description: "Each organisation invites staff of the other to take part in or observe its cyber exercises.",
    edaInvolved: true,
  },
  {
    number: 20,
    set: "SET_2016",
    areaId: "cyber",
    title: "Exchange of cyber-defence doctrine and concepts",
    description: "Staff brief each other on cyber-defence policies, doctrine and concepts and note where they can be aligned.",
    edaInvolved: true,
  },
  {
    number: 21,
    set: "SET_2016",
    areaId: "cyber",
    title: "Cyber-defence training and education cooperation",
    description: "Staff coordinate cyber-defence training and education courses and open places on them to each other's staff.",
    edaInvolved: true,
  },
  {
    number: 22,
    set: "SET_2016",
    areaId: "cyber",
    title: "Interoperability of cyber-defence requirements and standards",
    description: "Staff compare cyber-defence requirements and standards to help make them interoperable.",
    edaInvolved: true,
  },

  // Defence capabilities (5)
  {
    number: 23,
    set: "SET_2016",
    areaId: "capabilities",
    title: "Coherence of NATO defence planning and EU capability development outputs",
    description: "Staff make sure that the outputs and timelines of NATO defence planning and EU capability development are coherent and reinforce each other.",
    edaInvolved: true,
  },
  {
    number: 24,
    set: "SET_2016",
    areaId: "capabilities",
    title: "Staff dialogue on capability development priorities",
    description: "Staff hold regular talks on the capability priorities of each organisation and on where they overlap.",
    edaInvolved: true,
  },
  {
    number: 25,
    set: "SET_2016",
    areaId: "capabilities",
    title: "Cross-briefings on multinational capability projects",
    description:
      "Staff brief each other on multinational capability projects, such as air-to-air refuelling and remotely piloted aircraft, to avoid duplication.",
    edaInvolved: true,
  },
  {
    number: 26,
    set: "SET_2016",
    areaId: "capabilities",
    title: "Alignment of military requirements for capability targets",
    description: "Staff compare the military requirements behind their capability targets so that nations are not asked for conflicting things.",
    edaInvolved: true,
  },
  {
    number: 27,
    set: "SET_2016",
    areaId: "capabilities",
    title: "Capability interoperability and technical standards exchanges",
    description: "Staff share work on technical standards that help EU and NATO capabilities work together.",
    edaInvolved: true,
  },

  // Defence industry and research (4)
  {
    number: 28,
    set: "SET_2016",
    areaId: "industry-research",
    title: "Staff exchanges on defence research and technology",
    description: "Staff share information on research and technology programmes and look for complementary activities.",
    edaInvolved: true,
  },
  {
    number: 29,
    set: "SET_2016",
    areaId: "industry-research",
    title: "Dialogue on supply chains and small firms in defence",
    description: "Staff exchange views on the security of defence supply chains and on access of small and medium-sized firms to defence markets.",
    edaInvolved: true,
  },
  {
    number: 30,
    set: "SET_2016",
    areaId: "industry-research",
    title: "Cooperation on defence standardisation and certification",
    description: "Staff coordinate work on defence standards and certification to reduce duplication for industry.",
    edaInvolved: true,
  },
  {
    number: 31,
    set: "SET_2016",
    areaId: "industry-research",
    title: "Cross-briefings on EU defence research initiatives",
    description: "EU staff brief NATO staff on new EU defence research initiatives, and NATO staff brief on related science and technology work.",
    edaInvolved: true,
  },

  // Exercises (3)
  {
    number: 32,
    set: "SET_2016",
    areaId: "exercises",
    title: "Parallel and coordinated exercises (PACE) from 2017",
    description: "The two organisations plan and run parallel and coordinated exercises, starting with a first one in 2017.",
    edaInvolved: false,
  },
  {
    number: 33,
    set: "SET_2016",
    areaId: "exercises",
    title: "Mutual invitations to observe exercises",
    description: "Each organisation invites staff of the other to observe or take part in its crisis management exercises.",
    edaInvolved: false,
  },
  {
    number: 34,
    set: "SET_2016",
    areaId: "exercises",
    title: "Shared lessons learned from crisis management exercises",
    description: "Staff exchange the lessons they draw from exercises and use them to improve coordination in the next cycle.",
    edaInvolved: false,
  },

  // Defence and security capacity-building (8)
  {
    number: 35,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Capacity-building pilot in Bosnia and Herzegovina",
    description: "Staff coordinate their defence and security capacity-building support to Bosnia and Herzegovina as a pilot case.",
    edaInvolved: false,
  },
  {
    number: 36,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Capacity-building pilot in the Republic of Moldova",
    description: "Staff coordinate their defence and security capacity-building support to the Republic of Moldova as a pilot case.",
    edaInvolved: false,
  },
  {
    number: 37,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Capacity-building pilot in Tunisia",
    description: "Staff coordinate their defence and security capacity-building support to Tunisia as a pilot case.",
    edaInvolved: false,
  },
  {
    number: 38,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Coordination of capacity-building support to eastern partners",
    description: "Staff share information on support projects with partners in the East to avoid overlap and fill gaps.",
    edaInvolved: false,
  },
  {
    number: 39,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Coordination of capacity-building support to southern partners",
    description: "Staff share information on support projects with partners in the South to avoid overlap and fill gaps.",
    edaInvolved: false,
  },
  {
    number: 40,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Maritime security capacity-building for partners",
    description: "Staff coordinate help to partners that want to improve their maritime security and coast guard capacity.",
    edaInvolved: false,
  },
  {
    number: 41,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Security sector reform and defence institution-building exchanges",
    description: "Staff exchange experience on security sector reform and on building effective defence institutions in partner countries.",
    edaInvolved: false,
  },
  {
    number: 42,
    set: "SET_2016",
    areaId: "capacity-building",
    title: "Coordinated training and education offers for partners",
    description: "Staff align the training and education courses they offer to partner countries and share their course calendars.",
    edaInvolved: false,
  },

  // ---------------------------------------------------------------------------
  // Set of 5 December 2017 (43-74)
  // ---------------------------------------------------------------------------

  // Countering hybrid threats (10)
  {
    number: 43,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "CBRN resilience cross-briefings and expert exchanges",
    description: "Staff exchange information and expertise on resilience against chemical, biological, radiological and nuclear risks.",
    edaInvolved: true,
  },
  {
    number: 44,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Strategic communication on countering disinformation",
    description: "Strategic communication staff share analysis of disinformation campaigns and coordinate their responses where useful.",
    edaInvolved: false,
  },
  {
    number: 45,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Scenario-based policy discussions on hybrid threats",
    description: "Staff hold joint scenario-based discussions, often with the Hybrid CoE, to test how the two organisations would work together.",
    edaInvolved: false,
  },
  {
    number: 46,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Parallel assessments of hybrid threats",
    description: "Analysts produce parallel assessments of selected hybrid threats and discuss them at staff level.",
    edaInvolved: false,
  },
  {
    number: 47,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Dialogue on resilience baseline requirements",
    description: "Staff continue their dialogue on resilience requirements and on how each organisation supports national resilience efforts.",
    edaInvolved: false,
  },
  {
    number: 48,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Support to partners facing hybrid threats",
    description: "Staff coordinate support to partner countries that ask for help with assessing and countering hybrid threats.",
    edaInvolved: false,
  },
  {
    number: 49,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Updated operational protocols for hybrid crisis response",
    description: "Staff review and update the working arrangements each organisation would use to respond together to a hybrid crisis.",
    edaInvolved: false,
  },
  {
    number: 50,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Coordinated strategic communication in the neighbourhood",
    description: "Staff coordinate outreach and communication activities in the Western Balkans and the wider neighbourhood.",
    edaInvolved: false,
  },
  {
    number: 51,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Resilience of transport and communication networks",
    description: "Experts exchange information on making transport and communication networks used by the armed forces more resilient.",
    edaInvolved: true,
  },
  {
    number: 52,
    set: "SET_2017",
    areaId: "hybrid-threats",
    title: "Participation of hybrid experts in each other's training",
    description: "Each organisation opens its hybrid-threat training and workshops to experts of the other.",
    edaInvolved: false,
  },

  // Operational cooperation including maritime issues (1)
  {
    number: 53,
    set: "SET_2017",
    areaId: "operational-cooperation",
    title: "Extended maritime information sharing and logistic support",
    description: "Staff widen maritime information sharing and logistic support between EU and NATO operations, building on the Mediterranean experience.",
    edaInvolved: false,
  },

  // Cyber security and defence (2)
  {
    number: 54,
    set: "SET_2017",
    areaId: "cyber",
    title: "Exchange of cyber threat alerts and assessments",
    description: "Cyber staff exchange threat alerts and assessments through agreed channels.",
    edaInvolved: true,
  },
  {
    number: 55,
    set: "SET_2017",
    areaId: "cyber",
    title: "Cyber-defence research and technology cooperation",
    description: "Staff share plans for cyber-defence research and technology and look for ways to work on them together.",
    edaInvolved: true,
  },

  // Defence capabilities (2)
  {
    number: 56,
    set: "SET_2017",
    areaId: "capabilities",
    title: "Coherence of PESCO and CARD with NATO defence planning",
    description: "Staff keep new EU defence initiatives, such as permanent structured cooperation and the annual review, coherent with NATO defence planning.",
    edaInvolved: true,
  },
  {
    number: 57,
    set: "SET_2017",
    areaId: "capabilities",
    title: "Staff exchanges on capability shortfalls and priorities",
    description: "Staff brief each other on identified capability shortfalls and on how each organisation plans to address them.",
    edaInvolved: true,
  },

  // Defence industry and research (1)
  {
    number: 58,
    set: "SET_2017",
    areaId: "industry-research",
    title: "Dialogue on defence innovation and emerging technologies",
    description: "Staff exchange views on defence innovation and emerging technologies and on how industry is involved in them.",
    edaInvolved: true,
  },

  // Exercises (1)
  {
    number: 59,
    set: "SET_2017",
    areaId: "exercises",
    title: "Parallel and coordinated exercises for 2018-2019",
    description: "Staff plan the next cycle of parallel and coordinated exercises, with each organisation leading in turn.",
    edaInvolved: true,
  },

  // Defence and security capacity-building (1)
  {
    number: 60,
    set: "SET_2017",
    areaId: "capacity-building",
    title: "Capacity-building coordination for additional partners",
    description: "Staff extend their coordination of capacity-building support to further partner countries that request it.",
    edaInvolved: false,
  },

  // Counter-terrorism (4)
  {
    number: 61,
    set: "SET_2017",
    areaId: "counter-terrorism",
    title: "Counter-terrorism information exchange between staff",
    description: "Counter-terrorism staff meet regularly and exchange information on threats and on their policies.",
    edaInvolved: false,
  },
  {
    number: 62,
    set: "SET_2017",
    areaId: "counter-terrorism",
    title: "Coordinated counter-terrorism support to partners",
    description: "Staff coordinate the counter-terrorism support each organisation gives to partner countries.",
    edaInvolved: false,
  },
  {
    number: 63,
    set: "SET_2017",
    areaId: "counter-terrorism",
    title: "Cooperation on countering improvised explosive devices",
    description: "Experts exchange information and lessons on countering improvised explosive devices, including training for partners.",
    edaInvolved: true,
  },
  {
    number: 64,
    set: "SET_2017",
    areaId: "counter-terrorism",
    title: "Cross-briefings on counter-terrorism policy and threat assessments",
    description: "Staff brief each other on counter-terrorism policy developments and on their threat assessments.",
    edaInvolved: false,
  },

  // Women, peace and security (2)
  {
    number: 65,
    set: "SET_2017",
    areaId: "women-peace-security",
    title: "Gender indicators in early warning",
    description: "Staff work together on gender-sensitive indicators for early warning and conflict analysis.",
    edaInvolved: false,
  },
  {
    number: 66,
    set: "SET_2017",
    areaId: "women-peace-security",
    title: "Gender perspectives in training, exercises and operations",
    description:
      "Staff exchange good practice on including gender perspectives and the women, peace and security agenda in training, exercises and operations.",
    edaInvolved: false,
  },

  // Military mobility (6)
  {
    number: 67,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: military requirements",
    description: "Staff keep the military requirements for moving forces across Europe coherent between the two organisations.",
    edaInvolved: true,
  },
  {
    number: 68,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: dual-use transport infrastructure",
    description: "Staff share information on transport infrastructure needs so that civilian projects can also serve military movement.",
    edaInvolved: true,
  },
  {
    number: 69,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: transport of dangerous goods",
    description: "Staff exchange on the rules for moving military dangerous goods by road, rail, sea and air.",
    edaInvolved: true,
  },
  {
    number: 70,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: customs procedures",
    description: "Staff work towards simpler and consistent customs procedures and forms for military movements.",
    edaInvolved: true,
  },
  {
    number: 71,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: cross-border movement permissions",
    description: "Staff exchange on ways to speed up permissions for military units to cross borders.",
    edaInvolved: true,
  },
  {
    number: 72,
    set: "SET_2017",
    areaId: "military-mobility",
    title: "Military mobility: structured staff dialogue",
    description: "Staff hold a regular structured dialogue on military mobility to follow progress across all its strands.",
    edaInvolved: true,
  },

  // Political dialogue (2)
  {
    number: 73,
    set: "SET_2017",
    areaId: "political-dialogue",
    title: "Regular PSC–NAC meetings",
    description: "The EU Political and Security Committee and the North Atlantic Council meet informally on a regular basis.",
    edaInvolved: false,
  },
  {
    number: 74,
    set: "SET_2017",
    areaId: "political-dialogue",
    title: "Cross-briefings and mutual invitations to ministerial meetings",
    description: "Senior staff brief each other's bodies and invite each other's leaders to relevant ministerial meetings.",
    edaInvolved: false,
  },
];
