// Lets Program.cs and Extensions.cs call MapGarminApi()/AddGarmin() with one line each.
global using CyclingCoach.Sync.Garmin;
