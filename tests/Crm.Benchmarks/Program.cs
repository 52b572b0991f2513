Console.WriteLine("Crm benchmarks: pass the name of a benchmark.");
