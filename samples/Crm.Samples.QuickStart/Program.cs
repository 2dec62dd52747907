Console.WriteLine("CrmCore quick start: coming with the contacts model.");
