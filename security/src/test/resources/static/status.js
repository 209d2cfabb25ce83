fetch("api/sites");
