// ParzenRunner: under construction in this session.
