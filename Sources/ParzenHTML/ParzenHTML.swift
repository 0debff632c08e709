// ParzenHTML: under construction in this session.
