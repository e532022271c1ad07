// Every job a pool worker can run: each module registers its own (registry.ts). One line a job.
import './search-job.js';
import './entities-job.js';
import './detect-job.js';
import './link-job.js';
